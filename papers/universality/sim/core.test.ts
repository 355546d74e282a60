import { normalCdf } from '../../../core/stats/index.ts';
import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { compareMean, paired, summarize } from '../../../core/stats/index.ts';
import { LAWS, classificationErrors, classificationReplicate, coupledRegressionRisks, coupledRichardsonRisks, directDesign, drawDesign, lawEntry, nearestInterpolator, noiseFactor, noiseFactorSolves, regressionReplicate, regressionRisks, type Law } from './core.ts';
import { tryCholeskyInPlace } from '../../../core/linalg/cholesky.ts';
import { gramRows } from '../../../core/linalg/dense.ts';
import { classificationWeights } from './index.ts';
import { dot } from '../../../core/linalg/vector.ts';
import { mulXv } from './linalg.ts';
import { localisedWeights, sgdReplicate } from './index.ts';
import { FastStream, type Draws } from './rng.ts';
import { centredChi2Pairs, exponential } from './chi2.ts';
import { runSim } from '../../registry.ts';
import { spectrumOf } from '../theory/params.ts';

describe('design laws', () => {
  it('every law has mean 0 and variance 1 (t-tests on 40 000 draws, α = 0.001)', () => {
    for (const law of LAWS) {
      const s = Stream.fromSeed(17);
      const x = Array.from({ length: 40_000 }, () => lawEntry(law, s.normal()));
      expect(compareMean(summarize(x), 0, 0.001).pValue, `${law} mean`).toBeGreaterThan(0.001);
      expect(compareMean(summarize(x.map((v) => v * v)), 1, 0.001).pValue, `${law} variance`).toBeGreaterThan(0.001);
    }
  });
});

describe('nearest interpolator', () => {
  it('interpolates, lies in w_0 + row(X), and is nearer w_0 than another interpolator', () => {
    const d = 30;
    const n = 12;
    const s = Stream.fromSeed(3);
    const X = drawDesign(s, 'gaussian', n, new Array(d).fill(1));
    const y = Float64Array.from({ length: n }, () => s.normal());
    const w0 = Float64Array.from({ length: d }, () => s.normal());
    const w = nearestInterpolator(X, n, d, y, w0);
    const r = mulXv(X, n, d, w);
    for (let i = 0; i < n; i++) expect(r[i]).toBeCloseTo(y[i]!, 10);
    // another interpolator: add a null-space direction (e_1 projected off row(X))
    const e = new Float64Array(d);
    e[0] = 1;
    const pe = nearestInterpolator(X, n, d, new Float64Array(n), e); // e − P e (interpolates 0 from e)
    const other = Float64Array.from(w, (x, k) => x + pe[k]!);
    const dist = (a: Float64Array) => Math.sqrt(dot(Float64Array.from(a, (x, k) => x - w0[k]!), Float64Array.from(a, (x, k) => x - w0[k]!)));
    expect(dist(other)).toBeGreaterThan(dist(w));
  });
});

describe('regression simulation', () => {
  it('integrating the label noise exactly agrees with drawing it (paired designs, t-test α = 0.001)', () => {
    const spectrum = spectrumOf(1, 60, 0.2, 5);
    const p = { law: 'rademacher' as const, n: 30, spectrum, wStar: new Array(60).fill(0.1), w0: new Array(60).fill(0), sigma: 0.8 };
    const a = regressionRisks(p, 5, 400, 'integrate').fineTuned;
    const b = regressionRisks(p, 5, 400, 'draw').fineTuned;
    expect(compareMean(summarize(paired(b, a)), 0, 0.001).pValue).toBeGreaterThan(0.001);
  });
  it('law-vs-Gaussian differences are visible at small d and shrink as d grows (the finite-size effect E7 removes)', () => {
    const gap = (d: number, draws: number) => {
      const spectrum = spectrumOf(1, d, 0.1, 18);
      const nrm = Math.sqrt(spectrum.reduce((a, x) => a + x, 0));
      const v = new Array(d).fill(Math.sqrt(2.6) / nrm);
      const p = (law: 'rademacher' | 'gaussian') => ({ law, n: Math.round(0.7 * d), spectrum, wStar: new Array(d).fill(0), w0: v, sigma: 1.2 });
      return summarize(paired(regressionRisks(p('rademacher'), 19, draws).fineTuned, regressionRisks(p('gaussian'), 19, draws).fineTuned));
    };
    const small = gap(30, 1200);
    const large = gap(100, 250);
    expect(Math.abs(small.mean) / small.stderr).toBeGreaterThan(3);
    expect(Math.abs(large.mean)).toBeLessThan(Math.abs(small.mean) / 2);
  });
  it('extending a run reuses its first replicates and equals a fresh run of all draws (prefix memo)', () => {
    const spectrum = spectrumOf(2, 40, 0.2, 5);
    const p = (sigma: number) => ({ law: 'uniform' as const, n: 12, spectrum, wStar: new Array(40).fill(0.1), w0: new Array(40).fill(0), sigma });
    const first = regressionRisks(p(0.7), 9, 5);
    const extended = regressionRisks(p(0.7), 9, 12);
    expect(extended.fineTuned.slice(0, 5)).toEqual(first.fineTuned);
    const fresh = Stream.replicates(9, 12).map((s) => regressionReplicate(p(0.7), s).fineTuned);
    expect(extended.fineTuned).toEqual(fresh);
    expect(regressionRisks(p(0.8), 9, 12).fineTuned).not.toEqual(extended.fineTuned); // another problem is another key
    const { wStar, w0 } = classificationWeights(30, 0.5, 1);
    const c = { law: 'rademacher' as const, n: 10, d: 30, wStar, w0, flip: 0.1, nTest: 50 };
    classificationErrors(c, 3, 4);
    expect(classificationErrors(c, 3, 9).fineTuned).toEqual(Stream.replicates(3, 9).map((s) => classificationReplicate(c, s).fineTuned));
  });
  it('one replicate is reproducible from its stream', () => {
    const p = { law: 'chi2' as const, n: 5, spectrum: new Array(20).fill(1), wStar: new Array(20).fill(0), w0: new Array(20).fill(0.2), sigma: 1 };
    expect(regressionReplicate(p, Stream.fromSeed(4))).toEqual(regressionReplicate(p, Stream.fromSeed(4)));
  });
});

describe('exact reductions against the plain computation', () => {
  it('Σ = I: the noise factor tr((XXᵀ)⁻¹) equals the general two-solve form', () => {
    const s = Stream.fromSeed(5);
    for (const [n, d] of [[3, 10], [20, 45], [70, 90]] as const) {
      const X = drawDesign(s, 'rademacher', n, new Array(d).fill(1));
      const L = gramRows(X, n, d);
      expect(tryCholeskyInPlace(L, n)).toBe(true);
      const ones = new Array(d).fill(1);
      const fast = noiseFactor(X, n, d, L, ones);
      const plain = noiseFactorSolves(X, n, d, L, ones);
      expect(Math.abs(fast - plain) / plain).toBeLessThan(1e-10);
    }
  });
  it("classification test errors: 'fast' (Gaussian exact, other laws drawn directly) agrees with 'plain' Monte Carlo on the same designs (paired t-test α = 0.001)", () => {
    const d = 40;
    const { wStar, w0 } = classificationWeights(d, 0.3, 1.2);
    for (const law of LAWS as readonly Law[]) {
      const diffs: number[] = [];
      const diffs0: number[] = [];
      for (const st of Stream.replicates(41, 100)) {
        const p = { law, n: 20, d, wStar, w0, flip: 0.1, nTest: 300 };
        const seed = st.uniform();
        const a = classificationReplicate({ ...p, testPoints: 'fast' }, Stream.fromSeed(Math.floor(seed * 2 ** 31)));
        const b = classificationReplicate({ ...p, testPoints: 'plain' }, Stream.fromSeed(Math.floor(seed * 2 ** 31)));
        diffs.push(a.fineTuned - b.fineTuned);
        diffs0.push(a.pretrained - b.pretrained);
      }
      expect(compareMean(summarize(diffs), 0, 0.001).pValue, `${law} fine-tuned`).toBeGreaterThan(0.001);
      expect(compareMean(summarize(diffs0), 0, 0.001).pValue, `${law} pretrained`).toBeGreaterThan(0.001);
    }
  });
  it('χ² test entries (chi2.ts: disc points and a ziggurat exponential) have the centred χ²_1 law: Kolmogorov–Smirnov against 2Φ(√(√2t + 1)) − 1 on 2·10⁵ entries (a planted slip g²/2 rejected), pairs uncorrelated, Exp(1) by KS', () => {
    const [s] = FastStream.replicates(777, 1);
    const raw = new Float64Array(200_001); // odd: last pair cut
    centredChi2Pairs(s!, raw);
    let r = 0;
    for (let k = 0; k + 1 < raw.length; k += 2) r += raw[k]! * raw[k + 1]!;
    expect(Math.abs(r / 100_000) * Math.sqrt(100_000)).toBeLessThan(3.29); // corr of a pair: entries have variance 1
    const e = Array.from({ length: 200_000 }, () => exponential(s!)).sort((a, b) => a - b);
    const ksE = e.reduce((m, t, i) => Math.max(m, Math.abs(1 - Math.exp(-t) - i / e.length), Math.abs(1 - Math.exp(-t) - (i + 1) / e.length)), 0) * Math.sqrt(e.length);
    expect(ksE).toBeLessThan(1.95);
    const x = Array.from(raw).sort((a, b) => a - b);
    const cdf = (t: number) => (Math.SQRT2 * t + 1 <= 0 ? 0 : 2 * normalCdf(Math.sqrt(Math.SQRT2 * t + 1)) - 1);
    const ks = (v: number[]) => v.reduce((m, t, i) => Math.max(m, Math.abs(cdf(t) - i / v.length), Math.abs(cdf(t) - (i + 1) / v.length)), 0) * Math.sqrt(v.length);
    expect(ks(x)).toBeLessThan(1.95); // α = 0.001
    expect(ks(x.map((v) => ((Math.SQRT2 * v + 1) / 2 - 1) / Math.SQRT2))).toBeGreaterThan(1.95);
  });
  it("classification designs 'direct' (χ², uniform entries drawn from the law) have each law's distribution (KS on 2·10⁵ entries, slips rejected) and give the test errors of 'coupled' designs (z-test α = 0.001, 400 replicates each)", () => {
    const ks = (v: number[], cdf: (t: number) => number) => {
      const x = v.slice().sort((a, b) => a - b);
      return x.reduce((m, t, i) => Math.max(m, Math.abs(cdf(t) - i / x.length), Math.abs(cdf(t) - (i + 1) / x.length)), 0) * Math.sqrt(x.length);
    };
    const chi2Cdf = (t: number) => (Math.SQRT2 * t + 1 <= 0 ? 0 : 2 * normalCdf(Math.sqrt(Math.SQRT2 * t + 1)) - 1);
    const unifCdf = (t: number) => Math.min(1, Math.max(0, (t + Math.sqrt(3)) / (2 * Math.sqrt(3))));
    for (const [law, cdf] of [['chi2', chi2Cdf], ['uniform', unifCdf]] as const) {
      const [s] = FastStream.replicates(4242, 1);
      const x = Array.from(directDesign(law, s!, 200_000));
      expect(ks(x, cdf), law).toBeLessThan(1.95);
      expect(ks(x.map((v) => 1.1 * v), cdf), `${law} slip`).toBeGreaterThan(1.95); // variance 1.21 instead of 1
    }
    const d = 40;
    const { wStar, w0 } = classificationWeights(d, 0.3, 1.2);
    for (const law of ['chi2', 'uniform'] as const) {
      const p = { law, n: 24, d, wStar, w0, flip: 0.1, nTest: 300 };
      const a = classificationErrors({ ...p, design: 'direct' }, 51, 400).fineTuned;
      const b = classificationErrors({ ...p, design: 'coupled' }, 52, 400).fineTuned;
      const sa = summarize(a);
      const sb = summarize(b);
      const z = (sa.mean - sb.mean) / Math.hypot(sa.stderr, sb.stderr);
      expect(Math.abs(z), `${law}: ${sa.mean} vs ${sb.mean}`).toBeLessThan(3.29);
    }
  });
  it('a planted slip in the fast path is caught by that cross-check (Gaussian angle/(2π) in place of angle/π)', () => {
    const d = 40;
    const { wStar, w0 } = classificationWeights(d, 0.3, 1.2);
    const diffs: number[] = [];
    for (const st of Stream.replicates(41, 100)) {
      const seed = Math.floor(st.uniform() * 2 ** 31);
      const p = { law: 'gaussian' as const, n: 20, d, wStar, w0, flip: 0.1, nTest: 300 };
      const a = classificationReplicate({ ...p, testPoints: 'fast' }, Stream.fromSeed(seed));
      const b = classificationReplicate({ ...p, testPoints: 'plain' }, Stream.fromSeed(seed));
      diffs.push((a.fineTuned - 0.1) / 2 + 0.1 - b.fineTuned);
    }
    expect(compareMean(summarize(diffs), 0, 0.001).pValue).toBeLessThan(0.001);
  });
});

describe('classification directions', () => {
  it('w* is a unit vector, ‖w_0‖ and cos∠(w_0, w*) are the requested ones', () => {
    for (const [d, c, r] of [[200, 0.7, 1.3], [300, -0.1, 0.4], [100, 0.95, 2]] as const) {
      const { wStar, w0 } = classificationWeights(d, c, r);
      expect(Math.sqrt(dot(wStar, wStar))).toBeCloseTo(1, 12);
      expect(Math.sqrt(dot(w0, w0))).toBeCloseTo(r, 12);
      expect(dot(w0, wStar) / r).toBeCloseTo(c, 12);
    }
  });
  it('Rademacher test points never fall on xᵀw* = 0 or xᵀw_0 = 0 (generic directions); w* = 1/√d put 4.6% of them on it at d = 300', () => {
    const d = 300;
    const { wStar, w0 } = classificationWeights(d, 0.7, 1.3);
    const flat = new Array(d).fill(1 / Math.sqrt(d));
    const s = Stream.fromSeed(17);
    let ties = 0;
    let flatTies = 0;
    const points = 20_000;
    for (let t = 0; t < points; t++) {
      const x = Array.from({ length: d }, () => s.sign());
      if (dot(x, wStar) === 0 || dot(x, w0) === 0) ties++;
      if (Math.abs(dot(x, flat)) < 1e-9) flatTies++;
    }
    expect(ties).toBe(0);
    // C(300, 150)/2³⁰⁰ ≈ 0.046: the atom whose tie convention shifted the errors by O(1/√d) (sim/index.ts).
    expect(flatTies / points).toBeGreaterThan(0.04);
    expect(flatTies / points).toBeLessThan(0.052);
  });
});

describe('SGD loop', () => {
  it('ends at an interpolator in w_0 + row(X) for several step and batch sizes', () => {
    for (const [eta, b] of [[0.2, 1], [0.9, 3], [1.5, 10]] as const) {
      const r = sgdReplicate('gaussian', 30, 10, eta, b, Stream.fromSeed(8));
      expect(r.residual).toBeLessThan(1e-10);
      expect(r.offRowSpace).toBeLessThan(1e-10);
    }
  });
});

describe('registered simulations', () => {
  it('run and validate their parameters', async () => {
    const m = await runSim('universality.regression', { d: 40, n: 10, spectrum: 1 }, { seed: 1, draws: 3 });
    expect(m.values).toHaveLength(3);
    const c = await runSim('universality.classification', { d: 40, n: 10 }, { seed: 1, draws: 2 });
    expect(c.mean).toBeGreaterThan(0);
    const g = await runSim('universality.sgd', { d: 20, n: 5, batch: 2 }, { seed: 1, draws: 1 });
    expect(g.mean).toBeLessThan(1e-9);
    await expect(runSim('universality.regression', { d: 40, n: 40 }, { seed: 1 })).rejects.toThrow(/n \(target samples\) must be < d − 1/);
    await expect(runSim('universality.sgd', { d: 20, n: 5, batch: 6 }, { seed: 1 })).rejects.toThrow(/batch \(b\) must be ≤ n/);
  });
});

describe('coupled law and Gaussian replicates in one pass', () => {
  it('coupledRichardsonRisks (d and the half size on one seed, the smaller design from the larger one\'s normals) leaves exactly what separate runs give, bit for bit', () => {
    const mk = (law: Law, d: number, n: number) => ({ law, n, spectrum: spectrumOf(2, d, 0.2, 7), wStar: Array.from({ length: d }, (_, i) => (i % 3) / 3), w0: new Array(d).fill(0.2), sigma: 0.7 });
    const direct = (q: ReturnType<typeof mk>, seed: number, k: number) => Stream.replicates(seed, k).map((s) => regressionReplicate(q, s));
    for (const law of ['gaussian', 'rademacher', 'chi2', 'uniform'] as const) {
      // the half size with an odd number of entries (11 × 21: its last normal is the first of a Box–Muller pair)
      const p = mk(law, 42, 22);
      const ph = mk(law, 21, 11);
      regressionRisks({ ...ph, law: 'gaussian' }, 9102, 2); // a prefix memoised by another check
      coupledRichardsonRisks([p, ph], 9102, 5);
      for (const q of [p, ph, { ...p, law: 'gaussian' as const }, { ...ph, law: 'gaussian' as const }]) {
        const ref = direct(q, 9102, 5);
        const got = regressionRisks(q, 9102, 5);
        expect(got.fineTuned, `${q.law} d=${q.spectrum.length}`).toEqual(ref.map((r) => r.fineTuned));
        expect(got.pretrained).toEqual(ref.map((r) => r.pretrained));
      }
    }
  });
  it('coupledRegressionRisks leaves in the memo exactly the replicates separate runs give (bit for bit), also after a partial prefix', () => {
    const d = 40;
    const spectrum = spectrumOf(2, d, 0.2, 7);
    for (const law of ['rademacher', 'chi2', 'uniform'] as const) {
      const p = { law, n: 22, spectrum, wStar: Array.from({ length: d }, (_, i) => (i % 3) / 3), w0: new Array(d).fill(0.2), sigma: 0.7 };
      const pg = { ...p, law: 'gaussian' as const };
      const direct = (q: typeof p | typeof pg, seed: number, k: number) => Stream.replicates(seed, k).map((s) => regressionReplicate(q, s));
      // a Gaussian prefix of 3 already memoised (as after another check's first batch), then the pair to 6 draws
      regressionRisks(pg, 9101, 3);
      coupledRegressionRisks(p, 9101, 6);
      for (const [q, name] of [[p, law], [pg, 'gaussian']] as const) {
        const ref = direct(q, 9101, 6);
        const got = regressionRisks(q, 9101, 6);
        expect(got.fineTuned, name).toEqual(ref.map((r) => r.fineTuned));
        expect(got.pretrained, name).toEqual(ref.map((r) => r.pretrained));
      }
    }
  });
});

describe('replicates drawn from FastStream (rng.ts) are those of Stream, bit for bit', () => {
  it('classification (every law, fast and plain test points, w* dense or e_1) and regression (every law and spectrum, noise integrated or drawn)', () => {
    const d = 41;
    const same = <T>(f: (s: Draws) => T, seed: number) => {
      const a = Stream.replicates(seed, 3);
      const b = FastStream.replicates(seed, 3);
      for (let k = 0; k < 3; k++) expect(f(b[k]!), `seed ${seed} replicate ${k}`).toEqual(f(a[k]!));
    };
    for (const law of LAWS) {
      for (const weights of [classificationWeights, localisedWeights])
        for (const testPoints of ['fast', 'plain'] as const) {
          const { wStar, w0 } = weights(d, 0.5, 1.2);
          same((s) => classificationReplicate({ law, n: 17, d, wStar, w0, flip: 0.1, nTest: 101, testPoints }, s), 31);
        }
      for (const kind of [0, 1, 2])
        for (const noise of ['integrate', 'draw'] as const) {
          const spectrum = spectrumOf(kind, d, 0.2, 6);
          same((s) => regressionReplicate({ law, n: 19, spectrum, wStar: new Array(d).fill(0.1), w0: new Array(d).fill(0.3), sigma: 0.6 }, s, noise), 32);
        }
    }
  });
});
