import type { Constraint, ParamSpec, Params } from '../core/params.ts';

/** A paper's id: an open string (built-in: fate, ptransfer, kou, uowq, universality; users add their own). */
export type PaperId = string;

/**
 * How a printed statement is meant, which decides how it is checked:
 * - exact: holds at every finite size (checked directly against simulation);
 * - asymptotic: holds in a stated limit (checked through an exact finite-size form where one is
 *   derived, otherwise as convergence of the gap as the size grows);
 * - bound: holds up to unknown constants (checked for the scaling, trends and constants it fixes).
 */
export type Regime =
  | { kind: 'exact'; note?: string }
  | { kind: 'asymptotic'; limit: string; finiteSize?: string }
  | { kind: 'bound'; constants: string[]; note?: string };

export interface Source {
  paper: PaperId;
  /** Theorem / equation / figure, e.g. "Thm 3.7, eq (12)". */
  ref: string;
  /** The statement as printed (transcribed from ../shared/THEORY.md and the seed). */
  statement: string;
  /** 'printed' when the paper states it; 'derived from the abstract' when we formalised it. */
  provenance: 'printed' | 'derived from the abstract';
}

export interface Hypothesis {
  id: string;
  text: string;
  holds(p: Params): boolean;
}

/** A prediction as plain JSON: what the claim says for one parameter point. */
export interface Prediction {
  quantity: string;
  kind: 'value' | 'sign' | 'region' | 'bound' | 'structure' | 'monotone' | 'optimum';
  value?: number;
  sign?: -1 | 0 | 1;
  region?: string;
  /** Exact finite-size counterpart of an asymptotic value, with where it comes from. */
  finiteSize?: { value: number; derivation: string };
  details?: Record<string, unknown>;
}

export interface Claim {
  id: string;
  paper: PaperId;
  title: string;
  source: Source;
  params: readonly ParamSpec[];
  constraints?: readonly Constraint[];
  hypotheses: readonly Hypothesis[];
  regime: Regime;
  /** @deprecated the claim–simulation link is the check's `simulations` (objects); kept until every check lists them. */
  simulations?: readonly string[];
  predict(p: Params): Prediction;
}

/**
 * A claim as an outside author writes it: the object is returned unchanged after its shape is checked
 * (ids, parameters, hypotheses), so a typo fails when the module loads, not in the middle of a run.
 */
export function defineClaim<C extends Claim>(claim: C): C {
  if (!/^[a-z0-9][\w.-]*$/i.test(claim.id)) throw new TypeError(`defineClaim: bad claim id '${claim.id}'`);
  if (claim.source.paper !== claim.paper) throw new TypeError(`defineClaim ${claim.id}: source.paper '${claim.source.paper}' differs from paper '${claim.paper}'`);
  const names = new Set<string>();
  for (const p of claim.params) {
    if (names.has(p.name)) throw new TypeError(`defineClaim ${claim.id}: parameter '${p.name}' listed twice`);
    names.add(p.name);
  }
  for (const h of claim.hypotheses) if (typeof h.holds !== 'function') throw new TypeError(`defineClaim ${claim.id}: hypothesis '${h.id}' has no predicate`);
  return claim;
}
