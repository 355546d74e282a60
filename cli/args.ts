import { parseArgs as parseArgv } from 'node:util';
import { describeDomain, InputError, type ParamSpec } from '../core/params.ts';
import { didYouMean } from './suggest.ts';

interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be repeated; the values are joined with ',' (as if comma-separated). */
  multiple?: boolean;
}

const S: OptionSpec = { type: 'string' };
const B: OptionSpec = { type: 'boolean' };
const M: OptionSpec = { type: 'string', multiple: true };

/** Accepted by every command. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = { help: B, 'paper-module': M, config: S, 'no-builtin': B };

/**
 * The options of each command (beyond the global ones); anything else is an error with a did-you-mean.
 * `eval` and `sim` also take the parameters of the claim or simulation they name (`--gamma 0.5`).
 */
export const COMMAND_OPTIONS: Record<string, Record<string, OptionSpec>> = {
  help: {},
  list: { paper: M, json: B, wide: B },
  eval: { json: B, wide: B },
  sim: { seed: S, draws: S, json: B, wide: B },
  check: { paper: M, claim: M, seed: S, runs: S, budget: S, shard: S, json: B, verbose: B, wide: B },
  replay: { json: B, wide: B },
  report: { paper: M, claim: M, budget: S, seed: S, out: S, shard: S, merge: M, cache: S, jobs: S, json: B, resume: B, quiet: B, wide: B },
  init: { ts: B, force: B },
};

export const COMMANDS = Object.keys(COMMAND_OPTIONS);

export interface ParsedArgs {
  command: string;
  positional: string[];
  /** String options; repeated ones (--paper a --paper b) joined with ','. */
  values: Record<string, string>;
  flags: Set<string>;
  /** `--name value` pairs naming a parameter of the claim or simulation (eval, sim). */
  params: Record<string, string>;
}

interface OptionToken {
  name: string;
  /** As typed: '--seed' or '-h'. */
  raw: string;
  value?: string;
  inline: boolean;
}

export interface Tokens {
  positional: string[];
  options: OptionToken[];
}

const BOOLEANS = new Set(Object.entries({ ...GLOBAL_OPTIONS, ...Object.assign({}, ...Object.values(COMMAND_OPTIONS)) }).filter(([, s]) => (s as OptionSpec).type === 'boolean').map(([k]) => k));

/**
 * argv → positionals and options, with node:util parseArgs in its non-strict token mode. The strict mode
 * cannot serve here: it refuses a value starting with '-' (`--sigma -0.1`, `--seed -1`, which must reach
 * the domain check), it cannot know a claim's parameters before the claim id is read, and its
 * unknown-option error has no did-you-mean. So the tokens are checked against the command in `bindOptions`.
 */
export function tokenize(argv: string[]): Tokens {
  // Every option except the known flags takes a value, unknown ones included: `--gama 0.5` stays one
  // (unknown) option instead of becoming a flag and a stray positional.
  const end = argv.indexOf('--');
  const named = (end < 0 ? argv : argv.slice(0, end)).flatMap((a) => (/^--[^=]/.test(a) ? [a.slice(2).split('=')[0]!] : []));
  const types = new Map<string, { type: 'string' | 'boolean'; short?: string }>([...BOOLEANS].map((b) => [b, { type: 'boolean' }]));
  for (const n of named) if (!BOOLEANS.has(n)) types.set(n, { type: 'string' });
  types.set('help', { type: 'boolean', short: 'h' });
  // fromEntries: a typed '--__proto__' or '--constructor' stays an ordinary (unknown) option name.
  const options = Object.fromEntries(types);
  const { tokens } = parseArgv({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const out: Tokens = { positional: [], options: [] };
  for (const t of tokens) {
    if (t.kind === 'positional') out.positional.push(t.value);
    else if (t.kind === 'option') out.options.push({ name: t.name, raw: t.rawName, value: t.value, inline: t.inlineValue ?? false });
  }
  return out;
}

/** True when -h/--help is among the options. */
export function wantsHelp(t: Tokens): boolean {
  return t.options.some((o) => o.name === 'help');
}

/** The values of a global option given before any command is bound (--paper-module loads papers first). */
export function globalValues(t: Tokens, name: string): string[] {
  return t.options.filter((o) => o.name === name && o.value !== undefined).flatMap((o) => o.value!.split(','));
}

/**
 * Checks the options against `command` (and the claim's or simulation's parameters, for eval and sim):
 * unknown names, a flag given a value, an option missing its value, or a single option given twice.
 */
export function bindOptions(t: Tokens, command: string, params: readonly ParamSpec[] = [], owner?: string): ParsedArgs {
  const specs = { ...GLOBAL_OPTIONS, ...COMMAND_OPTIONS[command] };
  const names = params.map((p) => p.name);
  const out: ParsedArgs = { command, positional: t.positional.slice(1), values: {}, flags: new Set(), params: {} };
  const where = command === 'help' ? 'ttc' : `ttc ${command}${owner ? ` ${owner}` : ''}`;
  for (const o of t.options) {
    const spec = (o.raw.startsWith('--') || o.name === 'help') && Object.hasOwn(specs, o.name) ? specs[o.name] : undefined;
    if (!spec && !(names.includes(o.name) && o.raw.startsWith('--'))) {
      const hint = didYouMean(o.name, [...Object.keys(specs), ...names], '--');
      // Without a near name, list what the command takes (its own options, or the claim's parameters).
      const own = Object.keys(COMMAND_OPTIONS[command] ?? {}).map((k) => `--${k}`).join(' ');
      const takes = params.length ? `${owner} takes ${params.map((p) => (p.optional ? `[--${p.name}]` : `--${p.name}`)).join(' ')}; ` : own ? `options: ${own}; ` : '';
      throw new InputError(`unknown option ${o.raw} for '${where}'${hint || ` (${takes}`}${hint ? ' (' : ''}${command === 'help' ? 'ttc' : `ttc ${command}`} --help)`);
    }
    if (spec?.type === 'boolean') {
      if (o.value !== undefined) throw new InputError(`${o.raw} is a flag and takes no value (got '${o.value}')`);
      out.flags.add(o.name);
      continue;
    }
    if (o.value === undefined || (!o.inline && o.value.startsWith('--'))) throw new InputError(`${o.raw} needs a value`);
    const target = spec ? out.values : out.params;
    const again = Object.hasOwn(target, o.name);
    if (again && !spec?.multiple) throw new InputError(`${o.raw} is given twice ('${target[o.name]}' and '${o.value}')`);
    target[o.name] = again ? `${target[o.name]},${o.value}` : o.value;
  }
  return out;
}

// Decimal numbers only: Number() would also take '', '0x1f', 'Infinity' and '  '.
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A parameter value: a decimal number, or an angle such as pi/4, -π/3. Names the option when it is not. */
export function num(name: string, text: string, spec?: ParamSpec): number {
  const t = text.trim();
  if (/^[-+]?(pi|π)(\/\d+(\.\d+)?)?$/i.test(t)) return piExpr(t);
  if (NUMBER.test(t)) return Number(t);
  const domain = spec ? `; ${spec.name} (${spec.symbol}, ${spec.description}) is in ${describeDomain(spec.domain)}` : '';
  throw new InputError(`--${name}: '${text}' is not a number${domain}`);
}

/** Angles may be given as pi/4, π/3 etc. */
function piExpr(t: string): number {
  const sign = t.startsWith('-') ? -1 : 1;
  const [, den] = t.replace(/^[-+]/, '').split('/');
  return (sign * Math.PI) / (den ? Number(den) : 1);
}

/** An integer option in [min, max]; the message names the option and its range. */
export function intOpt(name: string, text: string | undefined, dflt: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return dflt;
  const v = /^[-+]?\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(v >= min && v <= max)) throw new InputError(`--${name}: '${text}' is not an integer ${max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`}`);
  return v;
}

/**
 * --seed: an integer in [0, 2³² − 1]. The random streams use the seed modulo 2³² (core/rng), so a larger or
 * negative seed would silently alias another one.
 */
export function seedOpt(text: string | undefined, dflt: number): number {
  return intOpt('seed', text, dflt, 0, 2 ** 32 - 1);
}

/** One of a fixed set of words, with a did-you-mean. */
export function choice<T extends string>(name: string, text: string | undefined, allowed: readonly T[], dflt: T): T {
  if (text === undefined) return dflt;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new InputError(`--${name} must be one of ${allowed.join(', ')}; got '${text}'${didYouMean(text, allowed)}`);
}
