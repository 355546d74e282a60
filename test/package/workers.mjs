// The ptransfer worker threads from compiled JavaScript: they receive the kernels as function source
// text (kernels.ts KERNEL_SOURCE), so what tsc emits for those functions must run on its own in a
// worker. Same comparisons as papers/ptransfer/sim/fast.test.ts (bit-identical to one thread), run
// against a built tree: `node test/package/workers.mjs <dist dir>` (default: dist/ of this clone).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deepStrictEqual, strictEqual } from 'node:assert';

const dist = resolve(process.argv[2] ?? new URL('../../dist', import.meta.url).pathname);
const load = (p) => import(pathToFileURL(resolve(dist, p)).href);
const { runCellFast, runCellFastParallel } = await load('papers/ptransfer/sim/cell.js');
const { drawLabels, ptransferTask, replicateStreams } = await load('papers/ptransfer/sim/data.js');
const { trainFast } = await load('papers/ptransfer/sim/fast.js');
const { identityCoefficients } = await load('papers/ptransfer/sim/pool.js');
const { trainFastSplit } = await load('papers/ptransfer/sim/split.js');
const { stopWorkers } = await load('papers/ptransfer/sim/parallel.js');

const small = { d: 80, m: 4, N1: 14, N2: 10, sigmaP1: 1, sigmaP2: 1.2, uNorm: 1.5, v1Norm: 1, v2Norm: 0.8, alpha: 0.5, eta: 0.5, sigma0: 0.05, T1: 60, T2: 40, eps: 0, nTest: 2000 };

// trainFastInWorker (the baseline of a cell in a worker thread)
const a = runCellFast(small, 5, 2, { mode: 'wishart', curves: true });
const b = await runCellFastParallel(small, 5, 2, { mode: 'wishart', curves: true });
strictEqual(b.errTransfer, a.errTransfer);
strictEqual(b.errBaseline, a.errBaseline);
deepStrictEqual(b.lossBaseline.curve, a.lossBaseline.curve);
deepStrictEqual(Array.from(b.baseline.C), Array.from(a.baseline.C));

// trainFastSplit (half of the filters in a worker thread, on shared memory)
const c = runCellFast({ ...small, N1: 40 }, 8, 0, { mode: 'explicit' });
const task = { spec: ptransferTask(1, { ...small, sigmaP: small.sigmaP1, n: 40 }), labels: drawLabels(40, 0, replicateStreams(8, 0)('labels1')), noise: c.pool.blocks.xi1 };
const one = trainFast(c.pool, identityCoefficients(c.pool, 'up'), task, { eta: small.eta, T: small.T1, eps: 0 });
const two = await trainFastSplit(c.pool, identityCoefficients(c.pool, 'up'), task, { eta: small.eta, T: small.T1, eps: 0 });
deepStrictEqual(Array.from(two.C), Array.from(one.C));
deepStrictEqual(two.losses, one.losses);
await stopWorkers();
console.log(`ptransfer worker threads from ${dist}: bit-identical to one thread`);
