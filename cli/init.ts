import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { InputError } from '../core/params.ts';
import { CONFIG_FILES } from '../papers/registry.ts';
import type { ParsedArgs } from './args.ts';
import { olsTemplate } from './templates/ols.ts';

/**
 * `ttc init <paper-id> [--ts] [--force]`: scaffolds papers/<paper-id>/ in the working directory — one claim
 * (the expected excess risk of least squares, σ²d/(n − d − 1)), its simulation, one check, the paper, a
 * vitest file — and lists the paper in ttc.config.mjs (created, or the existing config's `papers` extended).
 * `npx ttc check` conforms on the output as generated.
 */
export function initCmd(args: ParsedArgs): number {
  const id = args.positional[0];
  if (!id) throw new InputError('usage: ttc init <paper-id> [--ts] [--force] (e.g. ttc init ols)');
  if (args.positional[1] !== undefined) throw new InputError(`ttc init: unexpected argument '${args.positional[1]}' (ttc init --help)`);
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new InputError(`ttc init: a paper id is lower-case letters, digits and '-', starting with a letter (it prefixes every claim and check id); got '${id}'`);
  const cwd = process.cwd();
  const ts = args.flags.has('ts');
  const ext = ts ? 'ts' : moduleType(cwd) === 'module' ? 'js' : 'mjs';
  const dir = join(cwd, 'papers', id);
  const files = olsTemplate({ id, ts, ext });
  const clash = files.map((f) => join(dir, f.name)).filter((f) => existsSync(f));
  if (clash.length && !args.flags.has('force')) throw new InputError(`ttc init: ${relative(cwd, clash[0]!)} exists (--force overwrites the generated files)`);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  const modulePath = `./papers/${id}/paper.${ext}`;
  const config = addToConfig(cwd, modulePath);

  const out = [`ttc init: wrote ${files.map((f) => `papers/${id}/${f.name}`).join(', ')}`, config.message, '', 'next:'];
  const loader = ts && !nativeTypeStripping() ? "NODE_OPTIONS='--import tsx' " : '';
  const steps: [string, string][] = [
    [`${loader}npx ttc list`, `the claim ${id}.ols-risk`],
    [`${loader}npx ttc check`, 'conforms (seed 20261122; exit 1 on a mismatch)'],
    [`npx vitest run papers/${id}`, 'the same check as a test (npm install -D vitest)'],
  ];
  const w = Math.max(...steps.map(([c]) => c.length));
  for (const [c, why] of steps) out.push(`  ${c.padEnd(w)}   # ${why}`);
  if (ext === 'mjs') out.push('', 'note: package.json has no "type": "module", so the files are .mjs (ES modules either way).');
  if (ts) {
    out.push('', `note: Node ${process.versions.node} ${loader ? 'needs a TypeScript loader for .ts papers: npm install -D tsx, then prefix ttc with' : 'strips types natively; on Node 20 prefix ttc with'} NODE_OPTIONS='--import tsx'.`);
    out.push("      The files import each other with .ts extensions; for tsc set \"allowImportingTsExtensions\": true (with noEmit).");
  }
  console.log(out.join('\n'));
  return 0;
}

function moduleType(cwd: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { type?: string }).type;
  } catch {
    return undefined;
  }
}

/** Node ≥ 22.18 (and 23.6+) run .ts files without a loader. */
function nativeTypeStripping(): boolean {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  return major > 23 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
}

const CONFIG_TEXT = (modulePath: string) => `// ttc reads this file from the working directory: the paper modules to load (paths relative to this file).
// builtin: true adds the five papers the package ships (fate, ptransfer, kou, uowq, universality).
export default {
  papers: ['${modulePath}'],
  builtin: false,
};
`;

/** Creates ttc.config.mjs, or adds the module to the `papers: [` list of the config there is. */
function addToConfig(cwd: string, modulePath: string): { message: string } {
  const existing = CONFIG_FILES.map((f) => join(cwd, f)).find((f) => existsSync(f));
  if (!existing) {
    writeFileSync(join(cwd, 'ttc.config.mjs'), CONFIG_TEXT(modulePath));
    return { message: `created ttc.config.mjs listing ${modulePath}` };
  }
  const name = relative(cwd, existing);
  const text = readFileSync(existing, 'utf8');
  if (text.includes(`'${modulePath}'`) || text.includes(`"${modulePath}"`)) return { message: `${name} already lists ${modulePath}` };
  const list = /papers\s*:\s*\[/.exec(text);
  if (!list) return { message: `${name} has no 'papers: [' list: add '${modulePath}' to its papers yourself` };
  const at = list.index + list[0].length;
  const rest = text.slice(at);
  const sep = /^\s*\]/.test(rest) ? '' : ', ';
  writeFileSync(existing, `${text.slice(0, at)}'${modulePath}'${sep}${rest}`);
  return { message: `added ${modulePath} to the papers of ${name}` };
}
