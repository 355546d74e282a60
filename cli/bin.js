#!/usr/bin/env node
// The `ttc` command. One file in two places:
//  - dist/cli/bin.js, copied there by `npm run build` (the package's `bin`): loads the compiled CLI,
//    so an installed package starts without a TypeScript loader (≈ 0.1 s instead of ≈ 1.5–3 s with tsx).
//  - cli/bin.js in a clone (`npm run ttc`, the CLI tests): loads the TypeScript sources through tsx.
//
// Why the compiled launcher may still run the sources: in a clone, `npx ttc` runs dist/cli/bin.js,
// while `npm test` runs the sources. After an edit without `npm run build`, dist/ would answer with
// the old code — a verdict `npx ttc check` prints could disagree with the gate. So when this launcher
// sits in a source checkout (../../cli/main.ts exists: never true in the published package) and a
// source file is newer than the build, it runs the sources through tsx (a dev dependency: present in
// a clone) and says so on stderr. The check stats ≈ 250 files (a few ms). TTC_FROM=dist or
// TTC_FROM=sources forces one or the other.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const compiled = existsSync(join(here, 'main.js'));

/** The newest modification time (ms) of the sources the CLI runs (tests excluded), or 0. */
function newestSource(root) {
  let newest = 0;
  const visit = (path) => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(path, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'out' && !e.name.startsWith('.')) visit(p);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        newest = Math.max(newest, statSync(p).mtimeMs);
      }
    }
  };
  for (const d of ['core', 'theory', 'sim', 'properties', 'papers', 'reports', 'cli']) visit(join(root, d));
  for (const f of ['index.ts', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) {
    try {
      newest = Math.max(newest, statSync(join(root, f)).mtimeMs);
    } catch {
      // absent: nothing to compare
    }
  }
  return newest;
}

async function registerTsx() {
  const { register } = await import('tsx/esm/api');
  register();
}

/**
 * `ttc --help`, `ttc help [command]`, `ttc <command> --help`: answered from help.js alone, so the help
 * does not load the papers (≈ 1.5 s: tfjs, fast-check, ml-matrix through the registry). The same
 * exit codes as main(); anything else (an unknown command, more arguments) goes to main().
 */
async function helpOnly(dir, ext, argv) {
  const isHelp = (a) => a === '--help' || a === '-h';
  const [a, b] = argv;
  if (argv.length > 2 || (argv.length === 2 && a !== 'help' && !isHelp(b))) return undefined;
  if (argv.length === 1 && a !== 'help' && !isHelp(a)) return undefined;
  const { HELP } = await import(pathToFileURL(join(dir, `help.${ext}`)).href);
  if (argv.length === 0) return print(HELP[''], 2);
  if (argv.length === 1) return print(HELP[''], 0);
  const topic = a === 'help' ? b : a;
  // An unknown topic is main()'s to diagnose (did-you-mean, exit 2).
  return topic !== '' && Object.hasOwn(HELP, topic) ? print(HELP[topic], 0) : undefined;
}

function print(text, code) {
  console.log(text);
  return code;
}

let dir = here;
let ext = 'ts';
if (!compiled) {
  await registerTsx();
} else {
  const root = join(here, '..', '..');
  const mainTs = join(root, 'cli', 'main.ts');
  const from = process.env.TTC_FROM;
  const stale = from !== 'dist' && existsSync(mainTs) && (from === 'sources' || newestSource(root) > statSync(join(here, 'main.js')).mtimeMs);
  ext = 'js';
  if (stale) {
    try {
      await registerTsx();
      if (from !== 'sources') console.error('ttc: dist/ is older than the sources — running the sources through tsx (npm run build to refresh)');
      dir = join(root, 'cli');
      ext = 'ts';
    } catch {
      console.error('ttc: dist/ is older than the sources and tsx is not installed — running the stale build');
    }
  }
}
// `ttc list | head`: the reader closed the pipe. Stop quietly, as Unix tools do, instead of an EPIPE stack trace.
for (const s of [process.stdout, process.stderr])
  s.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
const argv = process.argv.slice(2);
process.exitCode = (await helpOnly(dir, ext, argv)) ?? (await (await import(pathToFileURL(join(dir, `main.${ext}`)).href)).main(argv));
