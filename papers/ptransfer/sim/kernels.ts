import type { FastTask, TrainOptions, TrainResult } from './types.ts';
import type { Pool } from './pool.ts';
import { ROWS_WASM_BASE64 } from './rows.wasm.ts';

/**
 * The kernels of the exact fast path (the method is described in fast.ts). One training run keeps
 *   G (n×n noise Gram) | Z (F×n noise responses) | val (F×n) | idx (F×n, i32)
 * in one buffer; val/idx hold, per filter, its active samples (Z > 0) and their coefficient steps Δb.
 * Per GD step: forwardRange (outputs), lossStep (loss, ℓ'), updateRange (coefficients, then Z += G·Δb
 * for every filter; when the task's noise vectors are explicit and span d < n/3 dimensions, as Ξ(ΞᵀΔb) —
 * the same product in exact arithmetic, 2m·(active + n)·d instead of 2m·n·active: ≈ 3× fewer at Fig 2's
 * d = 100, N_1 = 1000; it agrees with the Gram path to round-off, fast.test.ts). The last is ≈ 2m·n·(active) multiply-adds, ~90% of the time at N_1 = 1000; it runs
 * in `rows`, a WebAssembly f64x2 kernel (rows.wat) or its JavaScript twin rowsJs with the same order of
 * operations — bit-identical (wasm.test.ts). The ReLU mask (`active`) is in wasm too: the JavaScript
 * loop cost ~10% of a step. The buffer is a shared WebAssembly.Memory (or a SharedArrayBuffer without
 * wasm) so that split.ts can run half of the filters in a worker on it.
 *
 * Bit-for-bit the same arithmetic whatever the thread count: outputs are always summed as two halves
 * (filters [0, m) and [m, 2m), i.e. the two classes), which is how split.ts divides the work, and the
 * update of a filter touches only its own rows. So trainFast, trainFastInWorker and trainFastSplit agree
 * exactly, and a verdict cannot depend on threads or timing.
 *
 * Worker threads receive these functions as *source text* (KERNEL_SOURCE), so each must stay
 * self-contained: no imported bindings (vitest rewrites them), no closures, no nested functions
 * (esbuild may inject helpers into them). They may call one another by name.
 */

/** Z[z+l] += Σ_k val[vl+k]·G[g + idx[ix+k]·n + l], l ∈ [l0, l1): groups of 8, 4, 1 — the order rows.wat uses. */
export function rowsJs(f64: Float64Array, i32: Int32Array, z: number, g: number, ix: number, vl: number, c: number, n: number, l0: number, l1: number): void {
  let k = 0;
  for (; k + 8 <= c; k += 8) {
    const a0 = f64[vl + k]!;
    const a1 = f64[vl + k + 1]!;
    const a2 = f64[vl + k + 2]!;
    const a3 = f64[vl + k + 3]!;
    const a4 = f64[vl + k + 4]!;
    const a5 = f64[vl + k + 5]!;
    const a6 = f64[vl + k + 6]!;
    const a7 = f64[vl + k + 7]!;
    const g0 = g + i32[ix + k]! * n;
    const g1 = g + i32[ix + k + 1]! * n;
    const g2 = g + i32[ix + k + 2]! * n;
    const g3 = g + i32[ix + k + 3]! * n;
    const g4 = g + i32[ix + k + 4]! * n;
    const g5 = g + i32[ix + k + 5]! * n;
    const g6 = g + i32[ix + k + 6]! * n;
    const g7 = g + i32[ix + k + 7]! * n;
    for (let l = l0; l < l1; l++)
      f64[z + l]! +=
        a0 * f64[g0 + l]! + a1 * f64[g1 + l]! + a2 * f64[g2 + l]! + a3 * f64[g3 + l]! + a4 * f64[g4 + l]! + a5 * f64[g5 + l]! + a6 * f64[g6 + l]! + a7 * f64[g7 + l]!;
  }
  for (; k + 4 <= c; k += 4) {
    const a0 = f64[vl + k]!;
    const a1 = f64[vl + k + 1]!;
    const a2 = f64[vl + k + 2]!;
    const a3 = f64[vl + k + 3]!;
    const g0 = g + i32[ix + k]! * n;
    const g1 = g + i32[ix + k + 1]! * n;
    const g2 = g + i32[ix + k + 2]! * n;
    const g3 = g + i32[ix + k + 3]! * n;
    for (let l = l0; l < l1; l++) f64[z + l]! += a0 * f64[g0 + l]! + a1 * f64[g1 + l]! + a2 * f64[g2 + l]! + a3 * f64[g3 + l]!;
  }
  for (; k < c; k++) {
    const a = f64[vl + k]!;
    const g0 = g + i32[ix + k]! * n;
    for (let l = l0; l < l1; l++) f64[z + l]! += a * f64[g0 + l]!;
  }
}

/** idx[ix + c] = i for each i < n with Z[z + i] > 0, increasing; returns c (rows.wat `active`, same result). */
export function activeJs(f64: Float64Array, i32: Int32Array, z: number, ix: number, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) {
    i32[ix + c] = i;
    c += f64[z + i]! > 0 ? 1 : 0; // no data-dependent branch
  }
  return c;
}

/**
 * Σ_{r∈[r0,r1)} j_r σ(z_{r,i}) into fOut, and the signal terms Σ j_r σ(±s_r) into sig[sigOff], sig[sigOff+1]. With the
 * wasm kernel and filters of one class (as trainKernel and split.ts call it) the noise sums are rows.wat `forward`, in
 * the scratch at pF (n per class, so that split.ts's two threads do not share it): the same sums in the same order.
 */
export function forwardRange(r0: number, r1: number, m: number, n: number, f64: Float64Array, pZ: number, s: Float64Array, fOut: Float64Array, sig: Float64Array, sigOff: number, wasm: WasmKernels | null = null, pF = 0): void {
  let sigPos = 0;
  let sigNeg = 0;
  if (wasm !== null && (r1 <= m || r0 >= m)) {
    for (let r = r0; r < r1; r++) {
      const j = r < m ? 1 : -1;
      const sr = s[r]!;
      if (sr > 0) sigPos += j * sr;
      else if (sr < 0) sigNeg -= j * sr;
    }
    const po = pF + (r0 >= m ? n : 0);
    wasm.forward(pZ, po, r0, r1, n, r0 >= m ? 1 : 0);
    fOut.set(f64.subarray(po, po + n));
    sig[sigOff] = sigPos;
    sig[sigOff + 1] = sigNeg;
    return;
  }
  fOut.fill(0);
  for (let r = r0; r < r1; r++) {
    const j = r < m ? 1 : -1;
    const sr = s[r]!;
    if (sr > 0) sigPos += j * sr;
    else if (sr < 0) sigNeg -= j * sr;
    const zr = pZ + r * n;
    for (let i = 0; i < n; i++) {
      const z = f64[zr + i]!;
      if (z > 0) fOut[i]! += j * z;
    }
  }
  sig[sigOff] = sigPos;
  sig[sigOff + 1] = sigNeg;
}

/**
 * Outputs f_i = (fA_i + fB_i + signal term)/m, the loss, and h_i = ℓ'(y_i f_i)·y_i/(n m) (without the
 * class sign); sc[0], sc[1] = the signal-gradient sums over ȳ = +1 and ȳ = −1 samples. Returns the loss.
 */
export function lossStep(n: number, m: number, yClean: Float64Array, y: Float64Array, fA: Float64Array, fB: Float64Array, sig: Float64Array, h: Float64Array, sc: Float64Array): number {
  const sigPos = sig[0]! + sig[2]!;
  const sigNeg = sig[1]! + sig[3]!;
  const nm = n * m; // an exact integer product, the divisor each sample used
  let loss = 0;
  let Hp = 0;
  let Hn = 0;
  for (let i = 0; i < n; i++) {
    const f = (fA[i]! + fB[i]! + (yClean[i]! > 0 ? sigPos : sigNeg)) / m;
    const q = y[i]! * f;
    // e^q once: softplus(−q) uses it where q < 0 and ℓ'(q) always (Math.exp of the same argument, the same number)
    const eq = Math.exp(q);
    loss += -q > 0 ? -q + Math.log1p(eq) : Math.log1p(Math.exp(-q)); // softplus(−q)
    // ℓ'(q) = −1/(1 + e^q)
    const hi = -y[i]! / (1 + eq) / nm;
    h[i] = hi;
    if (yClean[i]! > 0) Hp += hi;
    else Hn -= hi; // ȳ_i = −1 carries the factor ȳ_i into the sum
  }
  sc[0] = Hp;
  sc[1] = Hn;
  return loss / n;
}

/**
 * One GD update of filters [r0, r1): coefficients C, signal responses s, and noise responses Z.
 * First, per filter, the list of active samples and Δb (and the signal step δ_r μ, which moves Z by
 * δ_r⟨μ, ξ⟩); then Z_r += G Δb_r. (Tiling the columns of G for L2 reuse measured no faster: the kernel
 * streams whole rows of G at ≈ 5 GFMA/s, within 10% of its in-cache speed.)
 * lay = [pG, pZ, pV, pI (i32 index)]; sc = [Hp, Hn, η, μ_0, μ_1, μ_2, ‖μ‖²].
 */
export function updateRange(
  r0: number,
  r1: number,
  m: number,
  n: number,
  K: number,
  off: number,
  f64: Float64Array,
  i32: Int32Array,
  lay: Int32Array,
  s: Float64Array,
  C: Float64Array,
  muXi: Float64Array,
  h: Float64Array,
  sc: Float64Array,
  cnt: Int32Array,
  wasm: WasmKernels | null,
): void {
  const pG = lay[0]!;
  const pZ = lay[1]!;
  const pV = lay[2]!;
  const pI = lay[3]!;
  if (wasm !== null && lay[4]! === 0) {
    // Gram path: the whole range in one call (rows.wat update = updateRangeJs, bit for bit; wasm.test.ts)
    wasm.update(r0, r1, m, n, K, off, lay[10]!, lay[11]!, lay[12]!, lay[13]!, lay[14]!, lay[15]!, pZ, pV, pI, pG, lay[16]!);
    return;
  }
  const Hp = sc[0]!;
  const Hn = sc[1]!;
  const eta = sc[2]!;
  const mu2 = sc[6]!;
  let pendZ = -1; // factor path: a filter whose second product waits for a partner (rows2)
  let pendT = 0;
  for (let r = r0; r < r1; r++) {
    const j = r < m ? 1 : -1;
    const sr = s[r]!;
    const delta = sr > 0 ? -eta * j * Hp : sr < 0 ? -eta * j * Hn : 0;
    const zr = pZ + r * n;
    const ix = pI + r * n;
    const vl = pV + r * n;
    // Active samples (ReLU subgradient 0 at 0).
    const c = wasm !== null ? wasm.active(zr, ix, n) : activeJs(f64, i32, zr, ix, n);
    let dsXi = 0;
    const cr = r * K + off;
    for (let k = 0; k < c; k++) {
      const i = i32[ix + k]!;
      const db = -eta * j * h[i]!;
      f64[vl + k] = db;
      C[cr + i]! += db;
      dsXi += db * muXi[i]!;
    }
    cnt[r] = c;
    if (delta !== 0) {
      C[r * K]! += delta * sc[3]!;
      C[r * K + 1]! += delta * sc[4]!;
      C[r * K + 2]! += delta * sc[5]!;
      for (let i = 0; i < n; i++) f64[zr + i]! += delta * muXi[i]!;
    }
    s[r] = sr + delta * mu2 + dsXi;
    const dd = lay[4]!;
    if (dd > 0) {
      // Factor path (trainSetup): G = ΞΞᵀ with the task's noise vectors Ξ (n×d, d < n/3); Z_r += Ξ(ΞᵀΔb_r),
      // 2m·(active + n)·d multiply-adds instead of 2m·n·active. The same kernel does both products.
      const pT = lay[6]! + r * dd;
      for (let l = 0; l < dd; l++) f64[pT + l] = 0;
      if (wasm !== null) {
        wasm.rows(pT, lay[8]!, ix, vl, c, dd, 0, dd);
        // The second product's row list is 0 … d−1 for every filter: two filters share each load of Ξᵀ (rows2, the
        // arithmetic of two `rows` calls bit for bit). Filter r's Z_r is only read again by its own update, so
        // deferring it past filter r + 1's first product changes no number.
        if (pendZ < 0) {
          pendZ = zr;
          pendT = pT;
        } else {
          wasm.rows2(pendZ, zr, lay[5]!, lay[7]!, pendT, pT, dd, n, 0, n);
          pendZ = -1;
        }
      } else {
        rowsJs(f64, i32, pT, lay[8]!, ix, vl, c, dd, 0, dd);
        rowsJs(f64, i32, zr, lay[5]!, lay[7]!, pT, dd, n, 0, n);
      }
    } else if (wasm !== null) wasm.rows(zr, pG, ix, vl, c, n, 0, n);
    else rowsJs(f64, i32, zr, pG, ix, vl, c, n, 0, n);
  }
  if (pendZ >= 0) wasm!.rows(pendZ, lay[5]!, lay[7]!, pendT, lay[4]!, n, 0, n);
}

/**
 * updateRange for the JavaScript twin on the Gram path (no wasm, no factor): the same operations in the same order —
 * activeJs's list, the Δb loop, the signal step, rowsJs's groups of 8, 4, 1 — written into one loop, so that a small
 * task (n < WASM_MIN_SAMPLES, a few hundred multiply-adds per filter) pays no call per filter. Where every ⟨μ, ξ_i⟩ is
 * 0 (a Wishart pool: the task's noise has no head on μ's coordinates; muZero = 1) the signal step's Z += δ·⟨μ, ξ⟩ adds
 * zeros and is skipped: that changes no bit of C, s or the losses (Z moves at most between +0 and −0, which the ReLU
 * mask and every later sum treat alike). Bit-identical to updateRange (wasm.test.ts).
 */
export function updateRangeJs(r0: number, r1: number, m: number, n: number, K: number, off: number, f64: Float64Array, i32: Int32Array, lay: Int32Array, s: Float64Array, C: Float64Array, muXi: Float64Array, h: Float64Array, sc: Float64Array, cnt: Int32Array, muZero: number): void {
  const pG = lay[0]!;
  const pZ = lay[1]!;
  const pV = lay[2]!;
  const pI = lay[3]!;
  const Hp = sc[0]!;
  const Hn = sc[1]!;
  const eta = sc[2]!;
  const mu2 = sc[6]!;
  for (let r = r0; r < r1; r++) {
    const j = r < m ? 1 : -1;
    const sr = s[r]!;
    const delta = sr > 0 ? -eta * j * Hp : sr < 0 ? -eta * j * Hn : 0;
    const zr = pZ + r * n;
    const ix = pI + r * n;
    const vl = pV + r * n;
    let c = 0;
    for (let i = 0; i < n; i++) {
      i32[ix + c] = i;
      c += f64[zr + i]! > 0 ? 1 : 0;
    }
    let dsXi = 0;
    const cr = r * K + off;
    for (let k = 0; k < c; k++) {
      const i = i32[ix + k]!;
      const db = -eta * j * h[i]!;
      f64[vl + k] = db;
      C[cr + i]! += db;
      dsXi += db * muXi[i]!;
    }
    cnt[r] = c;
    if (delta !== 0) {
      C[r * K]! += delta * sc[3]!;
      C[r * K + 1]! += delta * sc[4]!;
      C[r * K + 2]! += delta * sc[5]!;
      if (muZero === 0) for (let i = 0; i < n; i++) f64[zr + i]! += delta * muXi[i]!;
    }
    s[r] = sr + delta * mu2 + dsXi;
    // Z_r += G Δb_r: rowsJs(f64, i32, zr, pG, ix, vl, c, n, 0, n) written out
    let k = 0;
    for (; k + 8 <= c; k += 8) {
      const a0 = f64[vl + k]!;
      const a1 = f64[vl + k + 1]!;
      const a2 = f64[vl + k + 2]!;
      const a3 = f64[vl + k + 3]!;
      const a4 = f64[vl + k + 4]!;
      const a5 = f64[vl + k + 5]!;
      const a6 = f64[vl + k + 6]!;
      const a7 = f64[vl + k + 7]!;
      const g0 = pG + i32[ix + k]! * n;
      const g1 = pG + i32[ix + k + 1]! * n;
      const g2 = pG + i32[ix + k + 2]! * n;
      const g3 = pG + i32[ix + k + 3]! * n;
      const g4 = pG + i32[ix + k + 4]! * n;
      const g5 = pG + i32[ix + k + 5]! * n;
      const g6 = pG + i32[ix + k + 6]! * n;
      const g7 = pG + i32[ix + k + 7]! * n;
      for (let l = 0; l < n; l++)
        f64[zr + l]! +=
          a0 * f64[g0 + l]! + a1 * f64[g1 + l]! + a2 * f64[g2 + l]! + a3 * f64[g3 + l]! + a4 * f64[g4 + l]! + a5 * f64[g5 + l]! + a6 * f64[g6 + l]! + a7 * f64[g7 + l]!;
    }
    for (; k + 4 <= c; k += 4) {
      const a0 = f64[vl + k]!;
      const a1 = f64[vl + k + 1]!;
      const a2 = f64[vl + k + 2]!;
      const a3 = f64[vl + k + 3]!;
      const g0 = pG + i32[ix + k]! * n;
      const g1 = pG + i32[ix + k + 1]! * n;
      const g2 = pG + i32[ix + k + 2]! * n;
      const g3 = pG + i32[ix + k + 3]! * n;
      for (let l = 0; l < n; l++) f64[zr + l]! += a0 * f64[g0 + l]! + a1 * f64[g1 + l]! + a2 * f64[g2 + l]! + a3 * f64[g3 + l]!;
    }
    for (; k < c; k++) {
      const a = f64[vl + k]!;
      const g0 = pG + i32[ix + k]! * n;
      for (let l = 0; l < n; l++) f64[zr + l]! += a * f64[g0 + l]!;
    }
  }
}

/** The exports of rows.wat (offsets in elements of the shared memory). */
export interface WasmKernels {
  rows: (z: number, g: number, ix: number, vl: number, c: number, n: number, l0: number, l1: number) => void;
  active: (z: number, ix: number, n: number) => number;
  /** updateRangeJs of filters [r0, r1) on the Gram path, in one call (state at the layout's offsets lay[10…16]). */
  update: (r0: number, r1: number, m: number, n: number, K: number, off: number, pC: number, pS: number, pMu: number, pH: number, pSc: number, pCnt: number, pZ: number, pV: number, pI: number, pG: number, muZero: number) => void;
  /** forwardRange's noise sums of filters [r0, r1) of one class into out (neg = 1 for the class j = −1). */
  forward: (z: number, out: number, r0: number, r1: number, n: number, neg: number) => void;
  /** rows(z1, g, ix, vl1, …) then rows(z2, g, ix, vl2, …), bit for bit, each load of G serving both. */
  rows2: (z1: number, z2: number, g: number, ix: number, vl1: number, vl2: number, c: number, n: number, l0: number, l1: number) => void;
}

/** Everything one training run needs, in shared memory (so that split.ts can hand it to a worker). */
export interface TrainState {
  F: number;
  m: number;
  n: number;
  K: number;
  off: number;
  buf: SharedArrayBuffer;
  mem: WebAssembly.Memory | null;
  wasm: WasmKernels | null;
  f64: Float64Array;
  i32: Int32Array;
  lay: Int32Array;
  C: Float64Array;
  s: Float64Array;
  muXi: Float64Array;
  h: Float64Array;
  fA: Float64Array;
  fB: Float64Array;
  sig: Float64Array;
  sc: Float64Array;
  cnt: Int32Array;
}

/** Lays out the buffer and computes the initial responses (C is sparse for fresh filters: zeros skipped). */
export function trainSetup(pool: Pool, C0: Float64Array, task: FastTask, eta: number, mod: WebAssembly.Module | null, factor = true): TrainState {
  const { K, gram } = pool;
  const F = C0.length / K;
  const m = F / 2;
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`trainFast: ${F} filters is not 2m`);
  const n = task.labels.y.length;
  const off = task.noise.offset;
  if (task.noise.count !== n) throw new RangeError('trainFast: noise block and labels differ in size');
  const mu = task.spec.mu;
  const gmu = new Float64Array(K);
  for (let c = 0; c < K; c++) gmu[c] = mu[0] * gram[c * K]! + mu[1] * gram[c * K + 1]! + mu[2] * gram[c * K + 2]!;
  const pG = 0;
  const pZ = n * n;
  const pV = pZ + F * n;
  // Factor path when the task's noise vectors are at hand (explicit pools) and span few dimensions (d < n/3):
  // Ξ (n×d) at pR, Ξᵀ (d×n) at pRT, one d-vector ΞᵀΔb_r per filter at pT, the index list 0..d−1 at pId.
  const vecs = (pool as { vectors?: Float64Array }).vectors;
  const dd = factor && vecs !== undefined && 3 * pool.d < n ? pool.d : 0;
  const pR = pV + F * n;
  const pRT = pR + n * dd;
  const pT = pRT + dd * n;
  const pF = pT + F * dd; // forward's scratch: n outputs per class
  // The filters' state in the same buffer (rows.wat `update` reads and writes it): C (F×K), s, ⟨μ, ξ⟩, h, sc, and cnt.
  const pC = pF + 2 * n;
  const pS = pC + F * K;
  const pMu = pS + F;
  const pH = pMu + n;
  const pSc = pH + n;
  const f64End = pSc + 8;
  const pI = 2 * f64End;
  const pId = pI + F * n;
  const pCnt = pId + dd;
  const bytes = 8 * f64End + 4 * (F * n + dd + F);
  let mem: WebAssembly.Memory | null = null;
  let wasm: WasmKernels | null = null;
  let buf: SharedArrayBuffer;
  if (mod !== null && bytes < 2 ** 31) {
    const pages = Math.ceil(bytes / 65536);
    mem = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
    wasm = new WebAssembly.Instance(mod, { env: { mem } }).exports as unknown as WasmKernels;
    buf = mem.buffer as unknown as SharedArrayBuffer;
  } else buf = new SharedArrayBuffer(bytes);
  const f64 = new Float64Array(buf);
  const i32 = new Int32Array(buf);
  const lay = new Int32Array([pG, pZ, pV, pI, dd, pRT, pT, pId, pR, pF, pC, pS, pMu, pH, pSc, pCnt, 1]);
  for (let i = 0; i < n; i++) for (let l = 0; l < n; l++) f64[pG + i * n + l] = gram[(off + i) * K + off + l]!;
  if (dd > 0) {
    for (let i = 0; i < n; i++)
      for (let t = 0; t < dd; t++) {
        const v = vecs![(off + i) * dd + t]!;
        f64[pR + i * dd + t] = v;
        f64[pRT + t * n + i] = v;
      }
    for (let t = 0; t < dd; t++) i32[pId + t] = t;
  }
  const C = f64.subarray(pC, pC + F * K);
  C.set(C0);
  const muXi = f64.subarray(pMu, pMu + n);
  muXi.set(gmu.subarray(off, off + n));
  for (let i = 0; i < n; i++) if (muXi[i] !== 0) lay[16] = 0; // muZero: every ⟨μ, ξ_i⟩ is 0 (updateRangeJs)
  const s = f64.subarray(pS, pS + F);
  for (let r = 0; r < F; r++) {
    let acc = 0;
    const zr = pZ + r * n;
    for (let c = 0; c < K; c++) {
      const a = C[r * K + c]!;
      if (a === 0) continue;
      acc += a * gmu[c]!;
      const go = c * K + off;
      for (let i = 0; i < n; i++) f64[zr + i]! += a * gram[go + i]!;
    }
    s[r] = acc;
  }
  const sc = f64.subarray(pSc, pSc + 8);
  sc[2] = eta;
  sc[3] = mu[0];
  sc[4] = mu[1];
  sc[5] = mu[2];
  sc[6] = mu[0] * gmu[0]! + mu[1] * gmu[1]! + mu[2] * gmu[2]!;
  const h = f64.subarray(pH, pH + n);
  const fA = new Float64Array(new SharedArrayBuffer(8 * n));
  const fB = new Float64Array(new SharedArrayBuffer(8 * n));
  const sig = new Float64Array(new SharedArrayBuffer(32));
  const cnt = i32.subarray(pCnt, pCnt + F);
  return { F, m, n, K, off, buf, mem, wasm, f64, i32, lay, C, s, muXi, h, fA, fB, sig, sc, cnt };
}

/** Fraction of (filter, sample) pairs with z > 0, and the coefficients copied out of shared memory. */
export function trainResult(st: TrainState, losses: number[], loss: number, steps: number): TrainResult {
  const { f64, lay, F, n } = st;
  let active = 0;
  for (let q = 0; q < F * n; q++) if (f64[lay[1]! + q]! > 0) active++;
  return { C: Float64Array.from(st.C), losses, finalLoss: loss, steps, activeFraction: active / (F * n) };
}

/**
 * trainFast on one thread; `mod` is the compiled rows.wat (null: the JavaScript twin). The outputs are
 * still summed as the two halves split.ts computes on two threads (see above).
 */
export function trainKernel(pool: Pool, C0: Float64Array, task: FastTask, opts: TrainOptions, mod: WebAssembly.Module | null): TrainResult {
  const st = trainSetup(pool, C0, task, opts.eta, mod, opts.factor !== false);
  const { F, m, n, K, off, f64, i32, lay, C, s, muXi, h, fA, fB, sig, sc, cnt, wasm } = st;
  const { yClean, y } = task.labels;
  const losses: number[] = [];
  let steps = 0;
  let loss = NaN;
  // The JavaScript twin on the Gram path takes the fused loop (updateRangeJs, the same numbers).
  const fused = wasm === null && lay[4]! === 0 && opts.fused !== false;
  const muZero = lay[16]!;
  for (let t = 0; ; t++) {
    forwardRange(0, m, m, n, f64, lay[1]!, s, fA, sig, 0, wasm, lay[9]!);
    forwardRange(m, F, m, n, f64, lay[1]!, s, fB, sig, 2, wasm, lay[9]!);
    loss = lossStep(n, m, yClean, y, fA, fB, sig, h, sc);
    if (opts.curve !== false) losses.push(loss);
    if (t >= opts.T || loss <= opts.eps) break;
    if (fused) updateRangeJs(0, F, m, n, K, off, f64, i32, lay, s, C, muXi, h, sc, cnt, muZero);
    else updateRange(0, F, m, n, K, off, f64, i32, lay, s, C, muXi, h, sc, cnt, wasm);
    steps++;
  }
  return trainResult(st, losses, loss, steps);
}

/** Source text of the kernels, for worker threads (each is self-contained; see the top of this file). */
export const KERNEL_SOURCE = Object.entries({ rowsJs, activeJs, forwardRange, lossStep, updateRange, updateRangeJs, trainSetup, trainResult, trainKernel })
  .map(([name, f]) => `const ${name} = ${f.toString()};`)
  .join('\n');

let compiled: WebAssembly.Module | null | undefined;

/**
 * The compiled wasm kernel, or null (JavaScript twin) when WebAssembly SIMD or shared memory is missing
 * or TTC_PTRANSFER_WASM=0. Same results either way.
 */
export function rowsModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (process.env.TTC_PTRANSFER_WASM !== '0') {
    try {
      const mod = new WebAssembly.Module(Buffer.from(ROWS_WASM_BASE64, 'base64'));
      new WebAssembly.Instance(mod, { env: { mem: new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true }) } });
      compiled = mod;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}
