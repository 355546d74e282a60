import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FastTask, TrainOptions, TrainResult } from './fast.ts';
import { forwardRange, KERNEL_SOURCE, lossStep, rowsModule, trainResult, trainSetup, updateRange } from './kernels.ts';
import type { Pool } from './pool.ts';

/**
 * trainFast with its filters split between this thread and one worker thread: filters [0, m) here,
 * [m, 2m) in the worker, on the same shared memory (kernels.ts), two barriers per GD step. kernels.ts
 * sums the outputs as these two halves even on one thread, so the result is bit-identical to trainFast
 * (tested). Worth it when the per-step cost 2m·n·(active) is large (n ≳ 300), e.g. the upstream with
 * N_1 = 1000; below that the two barriers per step cost more than they save.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
${KERNEL_SOURCE}
parentPort.on('message', (msg) => {
  const { ctrlBuf, mod, mem, buf, F, m, n, K, off, lay, s, C, muXi, h, fB, sig, sc, cnt } = msg;
  const ctrl = new Int32Array(ctrlBuf);
  const wasm = mem ? new WebAssembly.Instance(mod, { env: { mem } }).exports : null;
  const b = mem ? mem.buffer : buf;
  const f64 = new Float64Array(b), i32 = new Int32Array(b);
  let seen = 0; // fresh control buffer per call: generation 0
  for (;;) {
    Atomics.wait(ctrl, 0, seen);
    seen = Atomics.load(ctrl, 0);
    const cmd = Atomics.load(ctrl, 1);
    if (cmd === 3) { Atomics.store(ctrl, 2, seen); Atomics.notify(ctrl, 2); break; }
    if (cmd === 1) forwardRange(m, F, m, n, f64, lay[1], s, fB, sig, 2, wasm, lay[9]);
    else if (cmd === 2) updateRange(m, F, m, n, K, off, f64, i32, lay, s, C, muXi, h, sc, cnt, wasm);
    Atomics.store(ctrl, 2, seen);
    Atomics.notify(ctrl, 2);
  }
});
`;

let worker: Worker | null = null;

/** Upstream sample size from which splitting the filters over two threads can pay for its barriers. */
export const SPLIT_MIN_N = 300;

/**
 * Whether to split a training on n samples over two threads. Only a speed choice — the split is
 * bit-identical to one thread — so it may depend on the machine's state: with two barriers per GD step
 * the split waits for the slower thread, and on a busy machine (other processes holding the cores)
 * it measured 1.3–2× *slower* than one thread. So split only when a core looks idle.
 * TTC_PTRANSFER_SPLIT=1 / 0 forces it on / off.
 */
export function splitWorthIt(n: number): boolean {
  const force = process.env.TTC_PTRANSFER_SPLIT;
  if (force === '1' || force === '0') return force === '1';
  return n >= SPLIT_MIN_N && loadavg()[0]! < availableParallelism() - 1;
}

export async function trainFastSplit(pool: Pool, C0: Float64Array, task: FastTask, opts: TrainOptions): Promise<TrainResult> {
  const mod = rowsModule();
  const st = trainSetup(pool, C0, task, opts.eta, mod, opts.factor !== false);
  const { F, m, n, K, off, f64, i32, lay, C, s, muXi, h, fA, fB, sig, sc, cnt, wasm } = st;
  const { yClean, y } = task.labels;
  const ctrlBuf = new SharedArrayBuffer(16);
  const ctrl = new Int32Array(ctrlBuf);
  worker ??= new Worker(workerSource, { eval: true });
  worker.ref();
  worker.postMessage({ ctrlBuf, mod, mem: st.mem, buf: st.mem ? null : st.buf, F, m, n, K, off, lay, s, C, muXi, h, fB, sig, sc, cnt });
  let gen = 0;
  const issue = (cmd: number) => {
    Atomics.store(ctrl, 1, cmd);
    gen = Atomics.add(ctrl, 0, 1) + 1;
    Atomics.notify(ctrl, 0);
  };
  const join = () => {
    for (;;) {
      const done = Atomics.load(ctrl, 2);
      if (done === gen) return;
      Atomics.wait(ctrl, 2, done, 1000);
    }
  };
  const losses: number[] = [];
  let steps = 0;
  let loss = NaN;
  try {
    for (let t = 0; ; t++) {
      issue(1);
      forwardRange(0, m, m, n, f64, lay[1]!, s, fA, sig, 0, st.wasm, lay[9]!);
      join();
      loss = lossStep(n, m, yClean, y, fA, fB, sig, h, sc);
      if (opts.curve !== false) losses.push(loss);
      if (t >= opts.T || loss <= opts.eps) break;
      issue(2);
      updateRange(0, m, m, n, K, off, f64, i32, lay, s, C, muXi, h, sc, cnt, wasm);
      join();
      steps++;
    }
  } finally {
    issue(3);
    join();
    worker.unref();
  }
  return trainResult(st, losses, loss, steps);
}

export async function stopSplitWorker(): Promise<void> {
  if (worker) {
    await worker.terminate();
    worker = null;
  }
}
