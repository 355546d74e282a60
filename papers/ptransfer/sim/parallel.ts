import { Worker } from 'node:worker_threads';
import { trainFast, type FastTask, type TrainOptions, type TrainResult } from './fast.ts';
import { KERNEL_SOURCE, rowsModule } from './kernels.ts';
import type { Pool } from './pool.ts';

/**
 * Runs trainFast in a worker thread (the same kernels: their source and the compiled wasm module are
 * shipped to the worker, which is why kernels.ts is self-contained). Used to overlap Algorithm 2
 * (baseline, which needs no upstream model) with the upstream + transferred trainings of a cell.
 * Results are bit-identical to the in-thread call.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
${KERNEL_SOURCE}
parentPort.on('message', (m) => {
  try {
    const r = trainKernel(m.pool, m.C0, m.task, m.opts, m.mod);
    parentPort.postMessage({ ok: true, r }, [r.C.buffer]);
  } catch (e) {
    parentPort.postMessage({ ok: false, error: String(e && e.stack || e) });
  }
});
`;

let shared: Worker | null = null;
let busy = false;

export function trainFastInWorker(pool: Pool, C0: Float64Array, task: FastTask, opts: TrainOptions): Promise<TrainResult> {
  if (busy) return Promise.resolve(trainFast(pool, C0, task, opts));
  busy = true;
  shared ??= new Worker(workerSource, { eval: true });
  const w = shared;
  w.ref();
  const slim = { K: pool.K, d: pool.d, gram: pool.gram, blocks: pool.blocks, mode: pool.mode };
  return new Promise<TrainResult>((resolve, reject) => {
    const onMsg = (m: { ok: boolean; r?: TrainResult; error?: string }) => {
      w.off('message', onMsg);
      busy = false;
      w.unref();
      if (m.ok) resolve(m.r!);
      else reject(new Error(`trainFast worker: ${m.error}`));
    };
    w.on('message', onMsg);
    w.postMessage({ pool: slim, C0, task, opts, mod: rowsModule() });
  });
}

/** Stops the shared worker (tests and CLIs that want a clean exit). */
export async function stopWorkers(): Promise<void> {
  const { stopSplitWorker } = await import('./split.ts');
  await stopSplitWorker();
  if (shared) {
    await shared.terminate();
    shared = null;
  }
}
