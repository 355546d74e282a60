import { defineClaim, type Claim, type Prediction } from '../../../theory/claim.ts';
import { InputError, type ParamSpec, type Params } from '../../../core/params.ts';
import { arcCosKernel, keptRows, negativeTransferPoint, NU_PAPER, perpForAblation, perpPrinted, removedCount, type Rows } from './sec4.ts';

/** fate §4 (ReLU student–teacher, linear transfer) as claims. Teachers are inputs, never drawn here. */

const u: ParamSpec = { name: 'u', symbol: 'u', description: 'cosine of the angle between w_i and w_j', domain: { min: -1, max: 1 } };
const mu: ParamSpec = { name: 'mu', symbol: 'μ', description: 'fraction of teacher neurons removed from the source (μm* integer)', domain: { min: 0, max: 1, maxOpen: true }, default: 0.5 };
const mu2: ParamSpec = { name: 'mu2', symbol: 'μ₂', description: 'a second removed fraction, for the monotonicity in μ (Fig 4d; μ₂m* integer)', domain: { min: 0, max: 1, maxOpen: true }, optional: true };
const mstar: ParamSpec = { name: 'mstar', symbol: 'm*', description: 'target-teacher width', domain: { min: 2, max: 400, integer: true }, default: 20 };
const d: ParamSpec = { name: 'd', symbol: 'd', description: 'input dimension', domain: { min: 2, max: 400, integer: true }, default: 20 };
const m: ParamSpec = { name: 'm', symbol: 'm', description: 'student width', domain: { min: 2, max: 2000, integer: true }, default: 200 };
const n: ParamSpec = { name: 'n', symbol: 'n', description: 'number of target samples', domain: { min: 1, integer: true }, optional: true };

const muInteger = (p: Record<string, number>): string | null => {
  try {
    removedCount(p.mu!, p.mstar!);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

/** The §4 student works in the mean-field regime, m ≫ m*; "≫" is read as m ≥ 4m* (the paper's m = 1000, m* = 100). */
const meanField = (p: Params): boolean => p.m! >= 4 * p.mstar!;

/** The source teacher keeps at least one neuron at every removed fraction given (μ, and μ₂ when present). */
const sourceNonEmpty = (p: Params): boolean => [p.mu, p.mu2].every((x) => x === undefined || Math.round(x * p.mstar!) < p.mstar!);

const SETTING =
  'f(x) = (1/m) Σ c_i σ(w_iᵀx), w_i ∈ S^{d−1}, x ~ N(0, I_d); f*_t = (1/m*) Σ_{i≤m*} c*_i σ(w*_iᵀx); ' +
  'f*_s = (1/((1−μ)m*)) Σ_{i∉A} c*_i σ(w*_iᵀx), A uniform with |A| = μm*; σ = 0 (noiseless).';

/** App. C, eq (153): the arc-cosine kernel of degree 1 (Cho & Saul 2009). */
export const sec4Arccos = defineClaim({
  id: 'fate.sec4.arccos',
  paper: 'fate',
  title: 'L2 overlap of two ReLU neurons under Gaussian inputs (arc-cosine kernel)',
  source: {
    paper: 'fate',
    ref: 'App. C, eqs (152–153) (Cho & Saul 2009)',
    statement: '$\\langle \\sigma(w_i^\\top x)\\sigma(w_j^\\top x)\\rangle_{L^2} = \\frac{1}{2\\pi}\\big(\\sqrt{1-u^2} + u(\\pi - \\arccos u)\\big)$, $u = \\frac{w_i^\\top w_j}{\\lVert w_i\\rVert\\,\\lVert w_j\\rVert}$, for unit $w_i, w_j$.',
    provenance: 'printed',
  },
  params: [u, d],
  hypotheses: [
    {
      id: 'unit-weights',
      text:
        '‖w_i‖ = ‖w_j‖ = 1, x ~ N(0, I_d) — the weights are not parameters (other norms follow by homogeneity); the predicate checks what the ' +
        'statement needs of u and d: u is a cosine in [−1, 1], and d ≥ 2 unless u = ±1, so that two unit vectors at cosine u exist',
      holds: (p) => p.u! >= -1 && p.u! <= 1 && (p.d! >= 2 || Math.abs(p.u!) === 1),
    },
  ],
  regime: { kind: 'exact' },
  predict(p) {
    return { quantity: 'E[σ(w_iᵀx)σ(w_jᵀx)]', kind: 'value', value: arcCosKernel(p.u!) };
  },
});

/** A drawn target teacher: its rows W*, output weights c* and removed set A (indices into W*). */
export interface AblatedTeacher {
  W: Rows;
  c: ArrayLike<number>;
  removed: readonly number[];
}

/** §4 eq (21) and App. C eq (159); Fig 4(d). */
export const sec4Projection = defineClaim({
  id: 'fate.sec4.projection',
  paper: 'fate',
  title: 'Out-of-RKHS part of the target, ‖P⊥f*_t‖² (eq 159), is the limit of the linear-transfer risk (eq 21) and grows with μ (Fig 4d)',
  source: {
    paper: 'fate',
    ref: '§4 eq (21), Fig 4(d); App. C eqs (154–159)',
    statement:
      `${SETTING} Linear transfer = kernel regression with the pretrained kernel $k(x,x^\\prime) = \\frac1m \\sum_i \\sigma(w_i^\\top x)\\sigma(w_i^\\top x^\\prime)$; ` +
      '$\\mathbb{E}_{\\mathcal{D}} R_{\\mathrm{lt}} = C(n) + \\lVert P_\\perp f^*_t\\rVert^2_{L^2}$, $\\lVert P_\\perp f^*\\rVert^2 = \\frac{1}{m^*} c^{*\\top} K^* c^* - \\frac{1}{m^*} c^{*\\top}\\tilde K^\\top K^{-1}\\tilde K c^*$; "the norm of this projection increases monotonically with $\\mu$".',
    provenance: 'printed',
  },
  params: [d, mstar, mu, mu2, n],
  constraints: [muInteger, (p) => (p.mu2 === undefined ? null : muInteger({ ...p, mu: p.mu2 }))],
  hypotheses: [
    {
      id: 'kernel-equals-source',
      text:
        'the pretrained kernel equals the source teacher\'s (Fig 4a–b) — an outcome of pretraining, not decidable from the parameters (tested separately by ' +
        'fate.sec4.kernel); the predicate checks what it needs: the source teacher keeps at least one neuron, (1 − μ)m* ≥ 1 (and (1 − μ₂)m* ≥ 1)',
      holds: sourceNonEmpty,
    },
  ],
  regime: {
    kind: 'asymptotic',
    limit: 'n → ∞ (C(n) → 0)',
    finiteSize: 'no exact finite-n form; C(n) ∼ 1/n (the paper\'s deep-linear analogue) is removed by Richardson extrapolation 2R(2n) − R(n) at n ≥ 40p',
  },
  predict(p): Prediction {
    const k = removedCount(p.mu!, p.mstar!);
    if (p.mu2 !== undefined) {
      const k2 = removedCount(p.mu2, p.mstar!);
      return {
        quantity: '‖P⊥‖²(μ₂) − ‖P⊥‖²(μ₁), normalised by ‖f*_t‖² (expectation over teachers)',
        kind: 'monotone',
        sign: Math.sign(k2 - k) as -1 | 0 | 1,
        region: `|A| = ${k} → ${k2} of m* = ${p.mstar} removed`,
        details: { statement: '"the norm of this projection increases monotonically with μ" (Fig 4d)' },
      };
    }
    return {
      quantity: '‖P⊥f*_t‖²_{L2}',
      kind: 'structure',
      region: `|A| = ${k} of m* = ${p.mstar} removed`,
      details: {
        formula: 'eq (159), evaluated as the Schur complement of the joint Gram matrix by pivoted Cholesky (theory/fate/sec4.ts)',
        teacherDependent: 'the value depends on the teacher (W*, c*, A): see predictForTeacher; E over teachers increases with μ',
        limitOfRlt: 'lim_{n→∞} E R_lt(n) = ‖P⊥f*_t‖²',
      },
    };
  },
  /** The value of eq (159) for one drawn teacher (Params hold numbers only, so the teacher comes beside them). */
  predictForTeacher(p: Params, t: AblatedTeacher): Prediction {
    const k = removedCount(p.mu!, p.mstar!);
    if (t.W.length !== p.mstar || new Set(t.removed).size !== k) throw new InputError(`fate.sec4.projection: the teacher must have m* = ${p.mstar} neurons and |A| = μm* = ${k} removed; got ${t.W.length} and ${new Set(t.removed).size}`);
    const pr = perpForAblation(t.W, t.c, t.removed);
    return { ...sec4Projection.predict(p), value: pr.perp, details: { relative: pr.relative, rank: pr.rank } };
  },
  /**
   * Eq (159) exactly as printed, (1/m*)c*ᵀK*c* − (1/m*)c*ᵀK̃ᵀK⁻¹K̃c*, on the features of the source teacher (the
   * pretrained kernel of Fig 4a–b): the statement a reviewer reads, evaluated literally (K⁻¹ by elimination), so a
   * typo in it changes this value. Meaningful only where K is well conditioned (the printed difference cancels);
   * predictForTeacher is the same quantity evaluated stably, and fate.sec4.projection/printed-eq159 compares the two.
   */
  predictPrinted(p: Params, t: AblatedTeacher): Prediction {
    const k = removedCount(p.mu!, p.mstar!);
    if (t.W.length !== p.mstar || new Set(t.removed).size !== k) throw new InputError(`fate.sec4.projection: the teacher must have m* = ${p.mstar} neurons and |A| = μm* = ${k} removed; got ${t.W.length} and ${new Set(t.removed).size}`);
    return { ...sec4Projection.predict(p), value: perpPrinted(keptRows(t.W, t.removed), t.W, t.c), details: { formula: 'eq (159) as printed: (1/m*)c*ᵀK*c* − (1/m*)c*ᵀK̃ᵀK⁻¹K̃c*, K = G/m, K* = G*/m*, K̃ = G̃/√(m m*), m = (1 − μ)m* source features' } };
  },
});

/** §4, Fig 4(a–b): an empirical observation, no theorem. */
export const sec4Kernel = defineClaim({
  id: 'fate.sec4.kernel',
  paper: 'fate',
  title: 'The pretrained student\'s kernel approaches the source teacher\'s (Fig 4a–b)',
  source: {
    paper: 'fate',
    ref: '§4, Fig 4(a–b)',
    statement:
      'After population pretraining in the mean-field regime, $k(x,x^\\prime) = \\frac1m\\sum_{i\\le m}\\sigma(w_i^\\top x)\\sigma(w_i^\\top x^\\prime) \\approx \\frac{1}{(1-\\mu)m^*}\\sum_{i\\notin A}\\sigma(w^{*\\top}_i x)\\sigma(w^{*\\top}_i x^\\prime)$: ' +
      '"the two Gram matrices are nearly indistinguishable".',
    provenance: 'printed',
  },
  params: [d, m, mstar, mu],
  constraints: [muInteger],
  hypotheses: [{ id: 'mean-field', text: 'm ≫ m* (checked as m ≥ 4m*), output weights initialised at 1e-7, gradient flow on the population loss (the last two are the protocol, not parameters)', holds: meanField }],
  regime: { kind: 'bound', constants: ['"nearly indistinguishable" is not quantified'], note: 'an empirical observation (no theorem); checked as: relative Frobenius error of the Gram matrices on a shared sample is small after training and far below its value at initialisation' },
  predict(_p: Params): Prediction {
    return {
      quantity: 'gap at initialisation − gap after pretraining, gap = ‖K_student − K_source‖_F / ‖K_source‖_F on a shared sample',
      kind: 'sign',
      sign: 1,
      details: { expected: 'the gap falls under pretraining, to ≈ 0 ("nearly indistinguishable")' },
    };
  },
});

/** §4, Fig 4(c): an empirical power law. */
export const sec4Scaling = defineClaim({
  id: 'fate.sec4.scaling',
  paper: 'fate',
  title: 'Scratch risk of the ReLU student follows A·n^(−ν), ν ≈ 1.18 (Fig 4c, empirical)',
  source: {
    paper: 'fate',
    ref: '§4, Fig 4(c)',
    statement: 'Empirically the generalization error of the scratch-trained model obeys a power law $R_{\\mathrm{sc}} \\sim A n^{-\\nu}$ with $\\nu = 1.18$ ($d = 100$, $m = 1000$, $m^* = 100$).',
    provenance: 'printed',
  },
  params: [d, m, mstar],
  hypotheses: [
    {
      id: 'mean-field',
      text:
        'the §4 student: m ≫ m* (checked as m ≥ 4m*), GD on noiseless data to loss ≤ 1e-6 or 1e5 steps (the protocol, not a parameter). ν = 1.18 is the fit at ' +
        'the paper\'s sizes (at other sizes comparing with 1.18 assumes the exponent does not depend on them)',
      holds: meanField,
    },
  ],
  regime: { kind: 'bound', constants: ['A'], note: 'an empirical exponent: ν compared with 1.18 over teachers of every output-weight law consistent with Fig 4(c–d) (the law is not printed)' },
  predict(_p: Params): Prediction {
    return {
      quantity: 'ν in R_sc ≈ A·n^(−ν) (log-log fit; mean over teachers)',
      kind: 'value',
      value: NU_PAPER,
      sign: 1,
      details: { value: `ν = ${NU_PAPER}, fitted at d = 100, m = 1000, m* = 100 over n ∈ [100, 1000]`, sign: 'ν > 0: the scratch risk decays as a power law (every size)' },
    };
  },
});

/** §4, Fig 4(e), with eq (21): the heuristic n* where the scratch power law meets ‖P⊥f*_t‖². */
export const sec4NegativeTransfer = defineClaim({
  id: 'fate.sec4.negative-transfer',
  paper: 'fate',
  title: 'Negative transfer sets in near n* with A·n*^(−ν) = ‖P⊥f*_t‖² (Fig 4e)',
  source: {
    paper: 'fate',
    ref: '§4, Fig 4(e), eq (21)',
    statement:
      'Setting the predicted transferred risk $\\lVert P_\\perp f^*_t\\rVert^2$ equal to the scratch power law $A n^{-\\nu}$ approximately identifies the point of negative transfer in $n$ for any $\\mu$; ' +
      'the heuristic becomes more accurate as n grows.',
    provenance: 'printed',
  },
  params: [d, m, mstar, mu, { name: 'A', symbol: 'A', description: 'fitted power-law prefactor', domain: { min: 0, minOpen: true }, default: 1 }, { name: 'nu', symbol: 'ν', description: 'fitted exponent', domain: { min: 0, minOpen: true }, default: NU_PAPER }, { name: 'perp', symbol: '‖P⊥f*‖²', description: 'eq (159) for the teacher', domain: { min: 0 }, default: 0.01 }],
  constraints: [muInteger],
  hypotheses: [
    {
      id: 'c-n-negligible',
      text:
        'C(n) ≪ ‖P⊥f*_t‖² at the n considered — C(n) has no closed form for the ReLU student, so this cannot be decided from the parameters; the predicate ' +
        'checks what it needs: ‖P⊥f*_t‖² > 0 (part of the target lies outside the pretrained features, so n* is finite)',
      holds: (p) => p.perp! > 0,
    },
  ],
  regime: { kind: 'bound', constants: ['A', 'ν (fitted)', 'C(n) neglected'], note: 'checked as the sign of 𝒯 = R_sc − R_lt away from n* (factor ≥ 2 on either side)' },
  predict(p) {
    const ns = negativeTransferPoint(p.A!, p.nu!, p.perp!);
    return {
      quantity: 'n*; sign of sign(n* − n)·𝒯(n) away from n*',
      kind: 'region',
      value: ns,
      sign: 1,
      region: `𝒯 > 0 for n < n* = ${ns.toPrecision(4)}, 𝒯 < 0 for n > n*`,
      details: p.mu === undefined ? undefined : { mu: p.mu },
    };
  },
});

export const sec4ClaimList: Claim[] = [sec4Arccos, sec4Projection, sec4Kernel, sec4Scaling, sec4NegativeTransfer];
