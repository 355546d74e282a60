import { InputError } from '../core/params.ts';

/** `--key value` pairs, boolean flags, and positionals. Values that look numeric become numbers. */
export interface ParsedArgs {
  positional: string[];
  values: Record<string, string>;
  flags: Set<string>;
}

const BOOLEAN = new Set(['json', 'help', 'resume', 'quiet']);

export function parseArgs(argv: string[]): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h') {
      out.flags.add('help');
      continue;
    }
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (BOOLEAN.has(key)) {
      out.flags.add(key);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new InputError(`option --${key} needs a value`);
    if (key in out.values) out.values[key] = `${out.values[key]},${value}`;
    else out.values[key] = value;
  }
  return out;
}

/** A numeric option: names the option in the error when it is not a number (NaN never passes silently). */
export function num(name: string, text: string): number {
  const t = text.trim();
  if (/^[-+]?(pi|π)(\/\d+(\.\d+)?)?$/i.test(t)) return piExpr(t);
  // Anything else that is not a number becomes NaN, which the parameter's domain check rejects with
  // a message naming the parameter (`name`) and its domain.
  return t === '' ? NaN : Number(t);
}

/** Angles may be given as pi/4, π/3 etc. */
function piExpr(t: string): number {
  const sign = t.startsWith('-') ? -1 : 1;
  const [, den] = t.replace(/^[-+]/, '').split('/');
  return (sign * Math.PI) / (den ? Number(den) : 1);
}

export function intOpt(name: string, text: string | undefined, dflt: number): number {
  if (text === undefined) return dflt;
  const v = Number(text.trim());
  if (!Number.isInteger(v)) throw new InputError(`--${name} must be an integer, got '${text}'`);
  return v;
}
