import { InputError } from '../../../core/params.ts';

/**
 * Condition 4.1 of Yuan et al. (the hypotheses of Thm 4.2/4.3) as a checker that names which items hold
 * and by how much. The paper states the items with unspecified constants and Õ/Ω̃; the choices below are
 * ours and explicit:
 *  - one constant C for every item (default 1): "x = Ω(y)" is read x ≥ C·y and "x = O(y)" as x ≤ y/C;
 *  - Ω̃ in item 1 hides a polylog factor: `polylog: 'none'` (default) drops it, 'log' multiplies by log(n/δ);
 *  - δ (failure probability; default 0.1) enters through log(n/δ) and log(m/δ);
 *  - the items are stated for a generic task (σ_p, ‖u+v‖) with n = max{N_1, N_2}: we apply them to every
 *    task in the regime (source and target) and an item holds when it holds for all of them.
 * `margin` is the factor by which an item holds (> 1) or fails (< 1): lhs/rhs for lower bounds, rhs/lhs
 * for upper bounds, minimised over the tasks.
 */
export interface Cond41Constants {
  C: number;
  delta: number;
  polylog: 'none' | 'log';
}

export const DEFAULT_COND41: Cond41Constants = { C: 1, delta: 0.1, polylog: 'none' };

export interface Cond41Task {
  sigmaP: number;
  /** ‖u + v_k‖ (ptransfer) or ‖μ‖ (Kou et al.). */
  signalNorm: number;
}

export interface Cond41Regime {
  d: number;
  /** n = max{N_1, N_2} (or Kou's n). */
  n: number;
  m: number;
  sigma0: number;
  eta: number;
  tasks: readonly Cond41Task[];
}

export interface Cond41Item {
  id: 'dimension' | 'width' | 'samples' | 'signal' | 'init' | 'step';
  item: string;
  text: string;
  holds: boolean;
  margin: number;
  lhs: number;
  rhs: number;
}

export interface Cond41Report {
  holds: boolean;
  items: Cond41Item[];
  constants: Cond41Constants;
  failing: string[];
}

export function checkCondition41(r: Cond41Regime, k: Cond41Constants = DEFAULT_COND41): Cond41Report {
  for (const [name, v] of Object.entries({ d: r.d, n: r.n, m: r.m, sigma0: r.sigma0, eta: r.eta })) {
    if (!(Number.isFinite(v) && v > 0)) throw new InputError(`Condition 4.1: ${name} must be a finite number > 0, got ${v}`);
  }
  if (!(k.C > 0)) throw new InputError(`Condition 4.1: constant C must be > 0, got ${k.C}`);
  if (!(k.delta > 0 && k.delta < 1)) throw new InputError(`Condition 4.1: δ must be in (0, 1), got ${k.delta}`);
  if (r.tasks.length === 0) throw new InputError('Condition 4.1: at least one task (σ_p, ‖u+v‖) is needed');
  const { C, delta } = k;
  const logn = Math.log(r.n / delta);
  const logm = Math.log(r.m / delta);
  const poly = k.polylog === 'log' ? logn : 1;
  const lower = (lhs: number, rhs: number) => ({ lhs, rhs, margin: rhs === 0 ? Infinity : lhs / rhs });
  const upper = (lhs: number, rhs: number) => ({ lhs, rhs, margin: lhs === 0 ? Infinity : rhs / lhs });
  const worst = (xs: { lhs: number; rhs: number; margin: number }[]) => xs.reduce((a, b) => (b.margin < a.margin ? b : a));
  const items: Omit<Cond41Item, 'holds'>[] = [];
  items.push({
    id: 'dimension',
    item: '1',
    text: `d ≥ C·${k.polylog === 'log' ? 'log(n/δ)·' : ''}max{nσ_p⁻²‖u+v‖², n²}`,
    ...worst(r.tasks.map((t) => lower(r.d, C * poly * Math.max((r.n * t.signalNorm ** 2) / t.sigmaP ** 2, r.n ** 2)))),
  });
  items.push({ id: 'width', item: '2a', text: 'm ≥ C·log(n/δ)', ...lower(r.m, C * logn) });
  items.push({ id: 'samples', item: '2b', text: 'n ≥ C·log(m/δ)', ...lower(r.n, C * logm) });
  items.push({
    id: 'signal',
    item: '3',
    text: '‖u+v‖² ≥ C·σ_p²·log(n/δ)',
    ...worst(r.tasks.map((t) => lower(t.signalNorm ** 2, C * t.sigmaP ** 2 * logn))),
  });
  items.push({
    id: 'init',
    item: '4',
    text: 'σ_0 ≤ (1/C)·(max{σ_p d/√n, √log(m/δ)·‖u+v‖})⁻¹',
    ...worst(r.tasks.map((t) => upper(r.sigma0, 1 / (C * Math.max((t.sigmaP * r.d) / Math.sqrt(r.n), Math.sqrt(logm) * t.signalNorm))))),
  });
  items.push({
    id: 'step',
    item: '5',
    text: 'η ≤ (1/C)·(max{σ_p²d^{3/2}/(n²m√log(m/δ)), σ_p²d/n, ‖u+v‖²/m})⁻¹',
    ...worst(
      r.tasks.map((t) =>
        upper(
          r.eta,
          1 /
            (C *
              Math.max((t.sigmaP ** 2 * r.d ** 1.5) / (r.n ** 2 * r.m * Math.sqrt(logm)), (t.sigmaP ** 2 * r.d) / r.n, t.signalNorm ** 2 / r.m)),
        ),
      ),
    ),
  });
  const full = items.map((it) => ({ ...it, holds: it.margin >= 1 }));
  return { holds: full.every((i) => i.holds), items: full, constants: k, failing: full.filter((i) => !i.holds).map((i) => `${i.item} (${i.id}, margin ${i.margin.toPrecision(3)})`) };
}

/** Condition 4.1 for a ptransfer regime: both tasks, n = max{N_1, N_2}. */
export function condition41Transfer(
  p: { d: number; N1: number; N2: number; m: number; sigma0: number; eta: number; sigmaP1: number; sigmaP2: number; uNorm: number; v1Norm: number; v2Norm: number },
  k: Cond41Constants = DEFAULT_COND41,
): Cond41Report {
  return checkCondition41(
    {
      d: p.d,
      n: Math.max(p.N1, p.N2),
      m: p.m,
      sigma0: p.sigma0,
      eta: p.eta,
      tasks: [
        { sigmaP: p.sigmaP1, signalNorm: Math.hypot(p.uNorm, p.v1Norm) },
        { sigmaP: p.sigmaP2, signalNorm: Math.hypot(p.uNorm, p.v2Norm) },
      ],
    },
    k,
  );
}

/** Condition 4.1 for Kou et al.'s single task. */
export function condition41Kou(p: { d: number; n: number; m: number; sigma0: number; eta: number; sigmaP: number; muNorm: number }, k: Cond41Constants = DEFAULT_COND41): Cond41Report {
  return checkCondition41({ d: p.d, n: p.n, m: p.m, sigma0: p.sigma0, eta: p.eta, tasks: [{ sigmaP: p.sigmaP, signalNorm: p.muNorm }] }, k);
}

/**
 * The largest σ_0 and η that Condition 4.1 allows (with the given constants), and the smallest d, m and
 * ‖u+v‖²: used to draw regimes inside the condition.
 */
export function condition41Limits(r: { d: number; n: number; m: number; tasks: readonly Cond41Task[] }, k: Cond41Constants = DEFAULT_COND41) {
  const logn = Math.log(r.n / k.delta);
  const logm = Math.log(r.m / k.delta);
  const poly = k.polylog === 'log' ? logn : 1;
  const sigma0Max = Math.min(...r.tasks.map((t) => 1 / (k.C * Math.max((t.sigmaP * r.d) / Math.sqrt(r.n), Math.sqrt(logm) * t.signalNorm))));
  const etaMax = Math.min(
    ...r.tasks.map(
      (t) => 1 / (k.C * Math.max((t.sigmaP ** 2 * r.d ** 1.5) / (r.n ** 2 * r.m * Math.sqrt(logm)), (t.sigmaP ** 2 * r.d) / r.n, t.signalNorm ** 2 / r.m)),
    ),
  );
  const dMin = Math.max(...r.tasks.map((t) => k.C * poly * Math.max((r.n * t.signalNorm ** 2) / t.sigmaP ** 2, r.n ** 2)));
  return { sigma0Max, etaMax, dMin, mMin: k.C * logn, signal2Min: (sigmaP: number) => k.C * sigmaP ** 2 * logn };
}
