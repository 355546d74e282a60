import { Worker } from 'node:worker_threads';
import type { FastTask, TrainOptions, TrainResult } from './fast.ts';
import type { Pool } from './pool.ts';

/**
 * trainFast with its filters split between this thread and one worker thread (shared memory, two
 * barriers per GD step): the same arithmetic as fast.ts per filter; only the order of the sum over
 * filters in f differs (two partial sums), so results agree with trainFast to round-off (tested).
 * Worth it when the per-step cost 2m·n·(active) is large (n ≳ 300), e.g. the upstream with N_1 = 1000.
 * The per-range kernels are self-contained so that their source can be shipped to the worker.
 */
function partialForward(r0: number, r1: number, m: number, n: number, Z: Float64Array, s: Float64Array, fOut: Float64Array, sigOut: Float64Array, sigOff: number): void {
  let sigPos = 0;
  let sigNeg = 0;
  fOut.fill(0);
  for (let r = r0; r < r1; r++) {
    const j = r < m ? 1 : -1;
    const sr = s[r]!;
    if (sr > 0) sigPos += j * sr;
    else if (sr < 0) sigNeg -= j * sr;
    const zr = r * n;
    for (let i = 0; i < n; i++) {
      const z = Z[zr + i]!;
      if (z > 0) fOut[i]! += j * z;
    }
  }
  sigOut[sigOff] = sigPos;
  sigOut[sigOff + 1] = sigNeg;
}

function updateRange(
  r0: number,
  r1: number,
  m: number,
  n: number,
  K: number,
  off: number,
  Z: Float64Array,
  s: Float64Array,
  C: Float64Array,
  G: Float64Array,
  muXi: Float64Array,
  h: Float64Array,
  sc: Float64Array,
  idx: Int32Array,
  val: Float64Array,
): void {
  const Hp = sc[0]!;
  const Hn = sc[1]!;
  const eta = sc[2]!;
  const mu0 = sc[3]!;
  const mu1 = sc[4]!;
  const mu2c = sc[5]!;
  const mu2 = sc[6]!;
  for (let r = r0; r < r1; r++) {
    const j = r < m ? 1 : -1;
    const sr = s[r]!;
    const delta = sr > 0 ? -eta * j * Hp : sr < 0 ? -eta * j * Hn : 0;
    const zr = r * n;
    let c = 0;
    let dsXi = 0;
    for (let i = 0; i < n; i++) {
      if (Z[zr + i]! > 0) {
        const db = -eta * j * h[i]!;
        idx[c] = i;
        val[c] = db;
        c++;
        C[r * K + off + i]! += db;
        dsXi += db * muXi[i]!;
      }
    }
    if (delta !== 0) {
      C[r * K]! += delta * mu0;
      C[r * K + 1]! += delta * mu1;
      C[r * K + 2]! += delta * mu2c;
      for (let i = 0; i < n; i++) Z[zr + i]! += delta * muXi[i]!;
    }
    s[r] = sr + delta * mu2 + dsXi;
    let k = 0;
    for (; k + 7 < c; k += 8) {
      const a0 = val[k]!;
      const a1 = val[k + 1]!;
      const a2 = val[k + 2]!;
      const a3 = val[k + 3]!;
      const a4 = val[k + 4]!;
      const a5 = val[k + 5]!;
      const a6 = val[k + 6]!;
      const a7 = val[k + 7]!;
      const g0 = idx[k]! * n;
      const g1 = idx[k + 1]! * n;
      const g2 = idx[k + 2]! * n;
      const g3 = idx[k + 3]! * n;
      const g4 = idx[k + 4]! * n;
      const g5 = idx[k + 5]! * n;
      const g6 = idx[k + 6]! * n;
      const g7 = idx[k + 7]! * n;
      for (let l = 0; l < n; l++)
        Z[zr + l]! += a0 * G[g0 + l]! + a1 * G[g1 + l]! + a2 * G[g2 + l]! + a3 * G[g3 + l]! + a4 * G[g4 + l]! + a5 * G[g5 + l]! + a6 * G[g6 + l]! + a7 * G[g7 + l]!;
    }
    for (; k < c; k++) {
      const a = val[k]!;
      const g = idx[k]! * n;
      for (let l = 0; l < n; l++) Z[zr + l]! += a * G[g + l]!;
    }
  }
}

const workerSource = `
const { parentPort } = require('node:worker_threads');
const partialForward = ${partialForward.toString()};
const updateRange = ${updateRange.toString()};
parentPort.on('message', (msg) => {
  const { ctrlBuf, Zb, sb, Cb, Gb, muXib, hb, fb, sigb, scb, r0, r1, m, n, K, off } = msg;
  const ctrl = new Int32Array(ctrlBuf);
  const Z = new Float64Array(Zb), s = new Float64Array(sb), C = new Float64Array(Cb), G = new Float64Array(Gb);
  const muXi = new Float64Array(muXib), h = new Float64Array(hb), fOut = new Float64Array(fb), sig = new Float64Array(sigb), sc = new Float64Array(scb);
  const idx = new Int32Array(n), val = new Float64Array(n);
  let seen = 0; // fresh control buffer per call: generation 0
  for (;;) {
    Atomics.wait(ctrl, 0, seen);
    seen = Atomics.load(ctrl, 0);
    const cmd = Atomics.load(ctrl, 1);
    if (cmd === 3) { Atomics.store(ctrl, 2, seen); Atomics.notify(ctrl, 2); break; }
    if (cmd === 1) partialForward(r0, r1, m, n, Z, s, fOut, sig, 2);
    else if (cmd === 2) updateRange(r0, r1, m, n, K, off, Z, s, C, G, muXi, h, sc, idx, val);
    Atomics.store(ctrl, 2, seen);
    Atomics.notify(ctrl, 2);
  }
});
`;

let worker: Worker | null = null;

function sab(len: number, bytes = 8): SharedArrayBuffer {
  return new SharedArrayBuffer(len * bytes);
}

export async function trainFastSplit(pool: Pool, C0: Float64Array, task: FastTask, opts: TrainOptions): Promise<TrainResult> {
  const { K, gram } = pool;
  const F = C0.length / K;
  const m = F / 2;
  const { yClean, y } = task.labels;
  const n = y.length;
  const off = task.noise.offset;
  const mu = task.spec.mu;
  const gmu = new Float64Array(K);
  for (let c = 0; c < K; c++) gmu[c] = mu[0] * gram[c * K]! + mu[1] * gram[c * K + 1]! + mu[2] * gram[c * K + 2]!;
  const mu2 = mu[0] * gmu[0]! + mu[1] * gmu[1]! + mu[2] * gmu[2]!;
  const Cb = sab(F * K);
  const C = new Float64Array(Cb);
  C.set(C0);
  const Gb = sab(n * n);
  const G = new Float64Array(Gb);
  for (let i = 0; i < n; i++) for (let l = 0; l < n; l++) G[i * n + l] = gram[(off + i) * K + off + l]!;
  const muXib = sab(n);
  const muXi = new Float64Array(muXib);
  muXi.set(gmu.subarray(off, off + n));
  const sb = sab(F);
  const s = new Float64Array(sb);
  const Zb = sab(F * n);
  const Z = new Float64Array(Zb);
  for (let r = 0; r < F; r++) {
    let acc = 0;
    const zr = r * n;
    for (let c = 0; c < K; c++) {
      const a = C[r * K + c]!;
      if (a === 0) continue;
      acc += a * gmu[c]!;
      const go = c * K + off;
      for (let i = 0; i < n; i++) Z[zr + i]! += a * gram[go + i]!;
    }
    s[r] = acc;
  }
  const hb = sab(n);
  const h = new Float64Array(hb);
  const fb = sab(n);
  const fW = new Float64Array(fb);
  const fM = new Float64Array(n);
  const sigb = sab(4);
  const sig = new Float64Array(sigb);
  const scb = sab(8);
  const sc = new Float64Array(scb);
  sc[2] = opts.eta;
  sc[3] = mu[0];
  sc[4] = mu[1];
  sc[5] = mu[2];
  sc[6] = mu2;
  const ctrlBuf = sab(4, 4);
  const ctrl = new Int32Array(ctrlBuf);
  const half = Math.floor(F / 2);
  worker ??= new Worker(workerSource, { eval: true });
  worker.ref();
  worker.postMessage({ ctrlBuf, Zb, sb, Cb, Gb, muXib, hb, fb, sigb, scb, r0: half, r1: F, m, n, K, off });
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
  const idx = new Int32Array(n);
  const val = new Float64Array(n);
  const losses: number[] = [];
  let steps = 0;
  let loss = NaN;
  try {
    for (let t = 0; ; t++) {
      issue(1);
      partialForward(0, half, m, n, Z, s, fM, sig, 0);
      join();
      const sigPos = sig[0]! + sig[2]!;
      const sigNeg = sig[1]! + sig[3]!;
      loss = 0;
      for (let i = 0; i < n; i++) {
        const f = (fM[i]! + fW[i]! + (yClean[i]! > 0 ? sigPos : sigNeg)) / m;
        const q = y[i]! * f;
        loss += -q > 0 ? -q + Math.log1p(Math.exp(q)) : Math.log1p(Math.exp(-q));
        h[i] = -y[i]! / (1 + Math.exp(q)) / (n * m);
      }
      loss /= n;
      if (opts.curve !== false) losses.push(loss);
      if (t >= opts.T || loss <= opts.eps) break;
      let Hp = 0;
      let Hn = 0;
      for (let i = 0; i < n; i++) {
        if (yClean[i]! > 0) Hp += h[i]!;
        else Hn -= h[i]!;
      }
      sc[0] = Hp;
      sc[1] = Hn;
      issue(2);
      updateRange(0, half, m, n, K, off, Z, s, C, G, muXi, h, sc, idx, val);
      join();
      steps++;
    }
  } finally {
    issue(3);
    join();
    worker.unref();
  }
  let active = 0;
  for (let q = 0; q < Z.length; q++) if (Z[q]! > 0) active++;
  return { C: Float64Array.from(C), losses, finalLoss: loss, steps, activeFraction: active / Z.length };
}

export async function stopSplitWorker(): Promise<void> {
  if (worker) {
    await worker.terminate();
    worker = null;
  }
}
