import { Stream } from '../../../../core/rng/stream.ts';
import { drawClasses, sampleTask, type LabelledImages } from './data.ts';

/**
 * The paper's own two-layer ReLU CNN (ptransfer Def 3.1 network) on real MNIST, plain float64:
 *   f(W; x) = F₊ − F₋,  F_j = (1/m) Σ_{r ≤ m} Σ_{p} σ(⟨w_{j,r}, x⁽ᵖ⁾⟩),
 * with the image (2×2-average-pooled to 14 × 14) cut into 4 non-overlapping 7 × 7 patches x⁽ᵖ⁾ ∈ R^49
 * (a convolution with stride = filter size), logistic loss, full-batch GD with step η, init N(0, σ₀²).
 *   upstream (larger): m_up = 2m filters per sign, trained on a binary source task (the k source digits
 *     split in two halves, label +1 for the first half);
 *   downstream (smaller): m filters per sign; Algorithm 1 inherits round(αm) filters per sign, a random
 *     subset of the upstream's filters of the same sign; the rest (and the scratch model of Algorithm 2,
 *     with the very same fresh values) drawn N(0, σ₀²). Both are trained on the 2-digit target.
 */
export interface TwoLayerParams {
  k: number;
  n2PerClass: number;
  ratio: number;
  alpha: number;
  noise2: number;
  m: number;
  eta: number;
  stepsUp: number;
  stepsDown: number;
  sigma0: number;
  testPerClass: number;
}

const PATCH = 7;
const DIM = PATCH * PATCH;

/** 14 × 14 image → 4 patches × 49, row-major per patch. */
export function patches(d: LabelledImages): Float64Array {
  const side = d.side;
  const per = (side / PATCH) ** 2;
  const out = new Float64Array(d.n * per * DIM);
  for (let a = 0; a < d.n; a++)
    for (let pr = 0; pr < side / PATCH; pr++)
      for (let pc = 0; pc < side / PATCH; pc++) {
        const p = pr * (side / PATCH) + pc;
        for (let r = 0; r < PATCH; r++)
          for (let c = 0; c < PATCH; c++) out[((a * per + p) * DIM) + r * PATCH + c] = d.x[a * side * side + (pr * PATCH + r) * side + pc * PATCH + c]!;
      }
  return out;
}

export interface Net {
  /** 2m × 49: rows 0..m−1 sign +1, m..2m−1 sign −1. */
  W: Float64Array;
  m: number;
}

export function outputs(net: Net, X: Float64Array, n: number, per: number): Float64Array {
  const { W, m } = net;
  const f = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let r = 0; r < 2 * m; r++) {
      const sign = r < m ? 1 : -1;
      for (let p = 0; p < per; p++) {
        const xo = (a * per + p) * DIM;
        let h = 0;
        for (let q = 0; q < DIM; q++) h += W[r * DIM + q]! * X[xo + q]!;
        if (h > 0) s += sign * h;
      }
    }
    f[a] = s / m;
  }
  return f;
}

/**
 * The nonzero pixels of each patch: for patch row ap = a·per + p, indices nzIdx[nzStart[ap] … nzStart[ap+1]) into
 * 0..48 (increasing) and their values nzVal. Clean pooled MNIST is ≈ 74 % zeros (the digit's margin), so the GD
 * products below touch ≈ 1/4 of the terms; noisy target images have no zeros and keep every term.
 */
export interface SparsePatches {
  nzStart: Int32Array;
  nzIdx: Int32Array;
  nzVal: Float64Array;
}

export function sparsePatches(X: Float64Array, rows: number): SparsePatches {
  let nnz = 0;
  for (let i = 0; i < rows * DIM; i++) if (X[i] !== 0) nnz++;
  const nzStart = new Int32Array(rows + 1);
  const nzIdx = new Int32Array(nnz);
  const nzVal = new Float64Array(nnz);
  let k = 0;
  for (let ap = 0; ap < rows; ap++) {
    nzStart[ap] = k;
    for (let q = 0; q < DIM; q++) {
      const x = X[ap * DIM + q]!;
      if (x !== 0) {
        nzIdx[k] = q;
        nzVal[k] = x;
        k++;
      }
    }
  }
  nzStart[rows] = k;
  return { nzStart, nzIdx, nzVal };
}

/**
 * Pre-activations H[(a·per + p)·2m + r] = ⟨w_r, x_a⁽ᵖ⁾⟩ of one GD step, computed once and used for both the
 * outputs and the ReLU mask of the gradient. Each dot product is summed over q in increasing order, as the plain
 * loop does, but only over the patch's nonzero pixels: a skipped term is W·0 = ±0, and adding ±0 to a partial sum
 * that is never −0 (it starts at +0; x + y is −0 only when both are −0) changes nothing — bit-identical for finite
 * W (`twoLayer.test.ts` compares against the plain loop kept there). Eight (then four, then one) filters share each
 * pixel load; each keeps its own accumulator, so the order of every sum is unchanged.
 */
function preacts(W: Float64Array, sp: SparsePatches, rows: number, filters: number, H: Float64Array): void {
  const { nzStart, nzIdx, nzVal } = sp;
  for (let ap = 0; ap < rows; ap++) {
    const k0 = nzStart[ap]!;
    const k1 = nzStart[ap + 1]!;
    const ho = ap * filters;
    let r = 0;
    for (; r + 8 <= filters; r += 8) {
      const w0 = r * DIM;
      let h0 = 0;
      let h1 = 0;
      let h2 = 0;
      let h3 = 0;
      let h4 = 0;
      let h5 = 0;
      let h6 = 0;
      let h7 = 0;
      for (let k = k0; k < k1; k++) {
        const q = w0 + nzIdx[k]!;
        const x = nzVal[k]!;
        h0 += W[q]! * x;
        h1 += W[q + DIM]! * x;
        h2 += W[q + 2 * DIM]! * x;
        h3 += W[q + 3 * DIM]! * x;
        h4 += W[q + 4 * DIM]! * x;
        h5 += W[q + 5 * DIM]! * x;
        h6 += W[q + 6 * DIM]! * x;
        h7 += W[q + 7 * DIM]! * x;
      }
      H[ho + r] = h0;
      H[ho + r + 1] = h1;
      H[ho + r + 2] = h2;
      H[ho + r + 3] = h3;
      H[ho + r + 4] = h4;
      H[ho + r + 5] = h5;
      H[ho + r + 6] = h6;
      H[ho + r + 7] = h7;
    }
    for (; r + 4 <= filters; r += 4) {
      const w0 = r * DIM;
      const w1 = w0 + DIM;
      const w2 = w1 + DIM;
      const w3 = w2 + DIM;
      let h0 = 0;
      let h1 = 0;
      let h2 = 0;
      let h3 = 0;
      for (let k = k0; k < k1; k++) {
        const q = nzIdx[k]!;
        const x = nzVal[k]!;
        h0 += W[w0 + q]! * x;
        h1 += W[w1 + q]! * x;
        h2 += W[w2 + q]! * x;
        h3 += W[w3 + q]! * x;
      }
      H[ho + r] = h0;
      H[ho + r + 1] = h1;
      H[ho + r + 2] = h2;
      H[ho + r + 3] = h3;
    }
    for (; r < filters; r++) {
      const w0 = r * DIM;
      let h = 0;
      for (let k = k0; k < k1; k++) h += W[w0 + nzIdx[k]!]! * nzVal[k]!;
      H[ho + r] = h;
    }
  }
}

/** f(x_a) from the pre-activations, summed over filters then patches in the order of `outputs`. */
function outputsFromH(H: Float64Array, n: number, per: number, m: number, f: Float64Array): void {
  const filters = 2 * m;
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let r = 0; r < filters; r++) {
      const sign = r < m ? 1 : -1;
      for (let p = 0; p < per; p++) {
        const h = H[(a * per + p) * filters + r]!;
        if (h > 0) s += sign * h;
      }
    }
    f[a] = s / m;
  }
}

/**
 * Full-batch GD. The gradient adds, for each active (sample a, patch p, filter r), s·x_a⁽ᵖ⁾ to row r of g, in the
 * order (a, p) for every entry — the plain loop's order (it runs r between a and p, which does not reorder the
 * additions into any one entry) — and only at the patch's nonzero pixels: the skipped additions are s·0 = ±0 into
 * an entry that is never −0 (filled with +0), so nothing changes (see preacts).
 */
export function train(net: Net, X: Float64Array, y: Float64Array, n: number, per: number, eta: number, steps: number, sparse: SparsePatches = sparsePatches(X, n * per)): number {
  const { W, m } = net;
  const filters = 2 * m;
  const rows = n * per;
  const { nzStart, nzIdx, nzVal } = sparse;
  const g = new Float64Array(W.length);
  const H = new Float64Array(rows * filters);
  const f = new Float64Array(n);
  const coef = new Float64Array(n);
  let loss = 0;
  for (let t = 0; t <= steps; t++) {
    preacts(W, sparse, rows, filters, H);
    outputsFromH(H, n, per, m, f);
    loss = 0;
    for (let a = 0; a < n; a++) {
      const z = y[a]! * f[a]!;
      loss += z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
      coef[a] = (-y[a]! / (1 + Math.exp(z))) / n; // ∂ℓ/∂f / n
    }
    loss /= n;
    if (t === steps) break;
    g.fill(0);
    for (let a = 0; a < n; a++) {
      const ca = coef[a]!;
      const sPos = ca / m; // ((r < m ? 1 : -1)·ca)/m, as the plain loop computes it
      const sNeg = -ca / m;
      for (let p = 0; p < per; p++) {
        const ap = a * per + p;
        const k0 = nzStart[ap]!;
        const k1 = nzStart[ap + 1]!;
        const ho = ap * filters;
        for (let r = 0; r < filters; r++) {
          if (!(H[ho + r]! > 0)) continue;
          const s = r < m ? sPos : sNeg;
          const go = r * DIM;
          for (let k = k0; k < k1; k++) {
            const i = go + nzIdx[k]!;
            g[i] = g[i]! + s * nzVal[k]!;
          }
        }
      }
    }
    for (let i = 0; i < W.length; i++) W[i] = W[i]! - eta * g[i]!;
  }
  return loss;
}

/** `outputs` over the nonzero pixels only (see preacts): the same sums in the same order, bit for bit. */
export function outputsSparse(net: Net, sp: SparsePatches, n: number, per: number): Float64Array {
  const H = new Float64Array(n * per * 2 * net.m);
  preacts(net.W, sp, n * per, 2 * net.m, H);
  const f = new Float64Array(n);
  outputsFromH(H, n, per, net.m, f);
  return f;
}

function accuracy(net: Net, sp: SparsePatches, y: Float64Array, n: number, per: number): number {
  const f = outputsSparse(net, sp, n, per);
  let ok = 0;
  for (let a = 0; a < n; a++) if (y[a]! * f[a]! > 0) ok++;
  return ok / n;
}

const signs = (d: LabelledImages, plusBelow: number) => Float64Array.from(d.y, (c) => (c < plusBelow ? 1 : -1));

/**
 * Trained upstream networks of this process, keyed by everything they depend on (seed, replicate and the
 * parameters drawn or used before and during upstream training — not σ_{p,2}, α or T_2). Arms that differ only
 * downstream (the noise sweep's clean and noisy arms) share the upstream run instead of repeating it: an exact
 * reuse of the same deterministic computation. Bounded (oldest dropped first).
 */
const UPSTREAM = new Map<string, { W: Float64Array; loss: number }>();
const UPSTREAM_CAP = 256;

/**
 * Pixel noise of the target train and test images, from its own sub-stream of the replicate: the noise level
 * scales the same standard normals, and the image selection, initialisations and upstream run do not depend on
 * it, so arms at different σ_{p,2} are common-random-number pairs (the noise sweep's paired difference).
 */
function addNoise(x: Float32Array, noise: number, rng: Stream): void {
  for (let i = 0; i < x.length; i++) x[i] = x[i]! + noise * rng.normal();
}

export function runTwoLayerCell(p: TwoLayerParams, seed: number, replicate: number, opts: { reuseUpstream?: boolean } = {}): { accTransfer: number; accScratch: number; lossUp: number; classes: { target: number[]; source: number[] } } {
  const rng = Stream.forReplicate(seed, replicate);
  const cls = drawClasses(rng, p.k);
  const n2 = 2 * p.n2PerClass;
  const perSource = Math.max(1, Math.round((p.ratio * n2) / p.k));
  const src = sampleTask(rng, cls.source, perSource, 'train');
  const tgt = sampleTask(rng, cls.target, p.n2PerClass, 'train');
  const test = sampleTask(rng, cls.target, p.testPerClass, 'test');
  if (p.noise2) {
    const noiseRng = Stream.forReplicate(Stream.childSeed(seed, 'ptransfer.two-layer.target-noise'), replicate);
    addNoise(tgt.x, p.noise2, noiseRng);
    addNoise(test.x, p.noise2, noiseRng);
  }
  const per = (tgt.side / PATCH) ** 2;
  const mUp = 2 * p.m;
  const up: Net = { W: rng.normals(2 * mUp * DIM, p.sigma0), m: mUp };
  const key = JSON.stringify([seed, replicate, p.k, p.n2PerClass, p.ratio, p.m, p.eta, p.stepsUp, p.sigma0, p.testPerClass]);
  const hit = opts.reuseUpstream === false ? undefined : UPSTREAM.get(key);
  let lossUp: number;
  if (hit) {
    up.W.set(hit.W);
    lossUp = hit.loss;
  } else {
    lossUp = train(up, patches(src), signs(src, Math.ceil(p.k / 2)), src.n, per, p.eta, p.stepsUp);
    if (UPSTREAM.size >= UPSTREAM_CAP) UPSTREAM.delete(UPSTREAM.keys().next().value!);
    UPSTREAM.set(key, { W: Float64Array.from(up.W), loss: lossUp });
  }

  const fresh = rng.normals(2 * p.m * DIM, p.sigma0);
  const transfer: Net = { W: Float64Array.from(fresh), m: p.m };
  const nInherit = Math.round(p.alpha * p.m);
  for (const sgn of [0, 1]) {
    const pool = Array.from({ length: mUp }, (_, i) => i);
    for (let i = 0; i < nInherit; i++) {
      const j = i + rng.int(mUp - i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      const from = sgn * mUp + pool[i]!;
      const to = sgn * p.m + i;
      transfer.W.set(up.W.subarray(from * DIM, (from + 1) * DIM), to * DIM);
    }
  }
  const scratch: Net = { W: Float64Array.from(fresh), m: p.m };
  const Xt = patches(tgt);
  const yt = signs(tgt, 1);
  const spt = sparsePatches(Xt, tgt.n * per); // shared by both arms
  train(transfer, Xt, yt, tgt.n, per, p.eta, p.stepsDown, spt);
  train(scratch, Xt, yt, tgt.n, per, p.eta, p.stepsDown, spt);
  const Xe = patches(test);
  const ye = signs(test, 1);
  const spe = sparsePatches(Xe, test.n * per);
  return { accTransfer: accuracy(transfer, spe, ye, test.n, per), accScratch: accuracy(scratch, spe, ye, test.n, per), lossUp, classes: { target: cls.target, source: cls.source } };
}
