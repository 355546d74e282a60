/**
 * Named parameters with domains, and the one place bad input is turned into a clear message.
 * Every claim, simulation and CLI command validates through `validateParams`, so a value outside
 * its domain never reaches a formula as a silent NaN.
 */

export interface Domain {
  min?: number;
  max?: number;
  /** Open ends: (min, … and …, max). */
  minOpen?: boolean;
  maxOpen?: boolean;
  integer?: boolean;
  /** Singular points, e.g. γ = 1 where a formula diverges. */
  exclude?: { value: number; why: string }[];
  /** Human-readable form for messages; generated when absent. */
  text?: string;
}

export interface ParamSpec {
  name: string;
  symbol: string;
  description: string;
  domain: Domain;
  default?: number;
  /** May be omitted (e.g. the finite size n, d of an asymptotic claim). */
  optional?: boolean;
  /**
   * How to compute the parameter from others when it is neither given nor defaulted (γ = n/d: any two of
   * n, d, γ fix the third). A derived value is checked against the domain like a given one. Only a value
   * that would otherwise be missing is derived, so every call that validated before gives the same Params.
   */
  derive?: Derivation;
}

export interface Derivation {
  /** The parameters it is computed from; all must be present (given, defaulted or derived). */
  from: readonly string[];
  /** For messages, e.g. 'n/d'. */
  formula: string;
  value(p: Params): number;
}

export type Params = Record<string, number>;

/** Bad input from a user: carries the one line the CLI prints before exiting with status 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function describeDomain(d: Domain): string {
  if (d.text) return d.text;
  const lo = d.min === undefined ? '(-∞' : `${d.minOpen ? '(' : '['}${fmt(d.min)}`;
  const hi = d.max === undefined ? '∞)' : `${fmt(d.max)}${d.maxOpen ? ')' : ']'}`;
  let s = d.integer ? `integers in ${lo}, ${hi}` : `${lo}, ${hi}`;
  if (d.exclude?.length) s += ` except ${d.exclude.map((e) => fmt(e.value)).join(', ')}`;
  return s;
}

function fmt(x: number): string {
  if (Math.abs(x - Math.PI / 2) < 1e-15) return 'π/2';
  if (Math.abs(x - Math.PI) < 1e-15) return 'π';
  return String(x);
}

/** Returns a message naming the parameter and its domain, or null when the value is inside it. */
export function domainViolation(spec: ParamSpec, value: number): string | null {
  const where = `${spec.name} (${spec.symbol}, ${spec.description}) must be in ${describeDomain(spec.domain)}`;
  if (typeof value !== 'number' || Number.isNaN(value)) return `${where}; got NaN`;
  if (!Number.isFinite(value)) return `${where}; got ${value}`;
  const d = spec.domain;
  if (d.min !== undefined && (value < d.min || (d.minOpen && value === d.min))) return `${where}; got ${value}`;
  if (d.max !== undefined && (value > d.max || (d.maxOpen && value === d.max))) return `${where}; got ${value}`;
  if (d.integer && !Number.isInteger(value)) return `${where}; got ${value}`;
  for (const e of d.exclude ?? []) {
    if (Math.abs(value - e.value) < 1e-12) return `${where}; got ${value}, which is singular: ${e.why}`;
  }
  return null;
}

/**
 * Checks names and domains, fills defaults, and applies cross-parameter constraints.
 * Unknown names are errors: a typo must not silently fall back to a default.
 */
export function validateParams(
  specs: readonly ParamSpec[],
  raw: Record<string, number | undefined>,
  context: string,
  constraints: readonly Constraint[] = [],
): Params {
  const known = new Set(specs.map((s) => s.name));
  for (const k of Object.keys(raw)) {
    if (!known.has(k)) {
      throw new InputError(`${context}: unknown parameter '${k}'; expected one of ${specs.map((s) => s.name).join(', ')}`);
    }
  }
  const got: Params = {};
  for (const s of specs) {
    const v = raw[s.name] ?? s.default;
    if (v === undefined) continue;
    const bad = domainViolation(s, v);
    if (bad) throw new InputError(`${context}: ${bad}`);
    got[s.name] = v;
  }
  // Derivations may chain (n from γ·d once d is known), so repeat until nothing more can be derived.
  for (let progress = true; progress; ) {
    progress = false;
    for (const s of specs) {
      if (s.name in got || s.optional || !s.derive || !s.derive.from.every((f) => f in got)) continue;
      const v = s.derive.value(got);
      const bad = domainViolation(s, v);
      const from = s.derive.from.map((f) => `${f} = ${got[f]}`).join(', ');
      if (bad) throw new InputError(`${context}: ${bad} (${s.name} = ${s.derive.formula} from ${from})`);
      got[s.name] = v;
      progress = true;
    }
  }
  const out: Params = {};
  for (const s of specs) {
    if (s.name in got) out[s.name] = got[s.name]!;
    else if (!s.optional) throw new InputError(`${context}: missing parameter ${missing(s, known)}`);
  }
  for (const c of constraints) {
    const bad = c(out);
    if (bad) throw new InputError(`${context}: ${bad}`);
  }
  return out;
}

function missing(s: ParamSpec, known: ReadonlySet<string>): string {
  const what = `${s.name} (${s.symbol}, ${s.description}) in ${describeDomain(s.domain)}`;
  const from = s.derive?.from;
  return from && from.every((f) => known.has(f)) ? `${what}, or ${from.join(' and ')} (${s.name} = ${s.derive!.formula})` : what;
}

/** A constraint across parameters: returns a message naming them, or null. */
export type Constraint = (p: Params) => string | null;

const gammaFromSize: Derivation = { from: ['n', 'd'], formula: 'n/d', value: (p) => p.n! / p.d! };

// The fate paper's parameters, shared by its claims and simulations so that names and domains agree.
export const P = {
  gamma: {
    name: 'gamma',
    symbol: 'γ',
    description: 'target samples per dimension n/d',
    domain: { min: 0, minOpen: true },
    derive: gammaFromSize,
  },
  gammaNot1: {
    name: 'gamma',
    symbol: 'γ',
    description: 'target samples per dimension n/d',
    domain: { min: 0, minOpen: true, exclude: [{ value: 1, why: 'the scratch risk diverges at γ = 1' }] },
    derive: gammaFromSize,
  },
  theta: {
    name: 'theta',
    symbol: 'θ',
    description: 'angle between β_s and β_t in radians',
    domain: { min: 0, max: Math.PI / 2, text: '[0, π/2] (radians)' },
  },
  sigma: { name: 'sigma', symbol: 'σ', description: 'label-noise standard deviation', domain: { min: 0 } },
  lambda: { name: 'lambda', symbol: 'λ', description: 'ridge parameter', domain: { min: 0 } },
  n: {
    name: 'n',
    symbol: 'n',
    description: 'number of target samples',
    domain: { min: 1, integer: true },
    // Rounded like the finite-size forms (papers/fate/theory/size.ts) round it.
    derive: { from: ['gamma', 'd'], formula: 'round(γ·d)', value: (p) => Math.round(p.gamma! * p.d!) },
  },
  d: {
    name: 'd',
    symbol: 'd',
    description: 'input dimension',
    domain: { min: 1, integer: true },
    derive: { from: ['n', 'gamma'], formula: 'round(n/γ)', value: (p) => Math.round(p.n! / p.gamma!) },
  },
} as const satisfies Record<string, ParamSpec>;
