import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';
import { allPapers, getCheck, loadConfig, useBuiltinPapers } from '../papers/registry.ts';
import { GATE_SEED } from '../properties/seeds.ts';
import { decodeReplay } from '../properties/replay.ts';

const INDEX = fileURLToPath(new URL('../index.ts', import.meta.url));

async function run(...args: string[]) {
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const code = await main(args);
    const text = (m: typeof err) => m.mock.calls.map((c) => c.join(' ')).join('\n');
    return { code, out: text(log), err: text(err) };
  } finally {
    err.mockRestore();
    log.mockRestore();
  }
}

/** The generated files import the package by name; here they import this clone's sources instead. */
function pointAtSources(dir: string): void {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    writeFileSync(p, readFileSync(p, 'utf8').replaceAll("from 'transfer-theory-checker'", `from '${INDEX}'`));
  }
}

describe('ttc init and users\' papers from ttc.config.mjs', () => {
  let work: string;
  const cwd = process.cwd();
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'ttc-init-'));
    writeFileSync(join(work, 'package.json'), '{ "name": "p", "private": true, "type": "module" }\n');
    process.chdir(work);
  });
  afterAll(() => {
    process.chdir(cwd);
    useBuiltinPapers(true);
    rmSync(work, { recursive: true, force: true });
  });

  it('scaffolds a paper and creates the config, then extends it; refuses a bad id and an existing paper', async () => {
    const a = await run('init', 'lsq');
    expect(a.code, a.err).toBe(0);
    expect(readdirSync(join(work, 'papers', 'lsq')).sort()).toEqual(['check.js', 'claim.js', 'paper.js', 'paper.test.js', 'simulation.js']);
    expect(readFileSync(join(work, 'ttc.config.mjs'), 'utf8')).toMatch(/papers: \['\.\/papers\/lsq\/paper\.js'\],\n  builtin: false/);
    const b = await run('init', 'typo');
    expect(b.code, b.err).toBe(0);
    expect(readFileSync(join(work, 'ttc.config.mjs'), 'utf8')).toMatch(/papers: \['\.\/papers\/typo\/paper\.js', '\.\/papers\/lsq\/paper\.js'\]/);
    expect((await run('init', 'lsq')).err).toMatch(/papers\/lsq\/claim\.js exists \(--force/);
    expect((await run('init', 'Bad.Id')).code).toBe(2);
    expect((await run('init', 'x', '--typescript')).err).toMatch(/--ts/);
  });

  it('the generated check conforms; with σ²d/(n − d) planted in the formula it is a mismatch whose token replays', async () => {
    pointAtSources(join(work, 'papers', 'lsq'));
    pointAtSources(join(work, 'papers', 'typo'));
    const claim = join(work, 'papers', 'typo', 'claim.js');
    const text = readFileSync(claim, 'utf8');
    expect(text).toContain('(sigma ** 2 * d) / (n - d - 1)');
    writeFileSync(claim, text.replace('(sigma ** 2 * d) / (n - d - 1)', '(sigma ** 2 * d) / (n - d)'));

    expect(await loadConfig(work)).toBe(join(work, 'ttc.config.mjs'));
    // builtin: false in the generated config
    expect(allPapers().map((p) => p.id).sort()).toEqual(['lsq', 'typo']);

    const ok = await getCheck('lsq.ols-risk/equal').run({ seed: GATE_SEED, budget: 'test' });
    expect(ok.verdict, ok.summary).toBe('conforms');
    expect(ok.stats.minPower).toBeGreaterThanOrEqual(0.8);

    const bad = await getCheck('typo.ols-risk/equal').run({ seed: GATE_SEED, budget: 'test' });
    expect(bad.verdict).toBe('mismatch');
    const token = bad.counterexample!.replay.split(' ').pop()!;
    expect(decodeReplay(token).checkId).toBe('typo.ols-risk/equal');
    const rep = await run('replay', token);
    expect(rep.code).toBe(1);
    expect(rep.out).toMatch(/typo\.ols-risk\/equal +mismatch/);

    // The CLI reads the same config from the working directory: list shows only the user's papers.
    const list = await run('list', '--json');
    expect(JSON.parse(list.out).map((c: { id: string }) => c.id).sort()).toEqual(['lsq.ols-risk', 'typo.ols-risk']);
  });
});
