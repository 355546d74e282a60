import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BIN = join(ROOT, 'node_modules', '.bin', 'depcruise');

/** Runs the project's layer rules on a tree of files (path → source) and returns the violated rule names. */
function violations(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ttc-layers-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, noEmit: true, module: 'NodeNext', moduleResolution: 'NodeNext' } }));
  for (const [path, src] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), src);
  }
  const roots = [...new Set(Object.keys(files).map((p) => p.split('/')[0]!))];
  const r = spawnSync(BIN, ['--config', CONFIG, '--output-type', 'json', ...roots], { cwd: dir, encoding: 'utf8' });
  const out = JSON.parse(r.stdout) as { summary: { violations: { rule: { name: string } }[] } };
  return out.summary.violations.map((v) => v.rule.name).sort();
}
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// A minimal project with one paper, laid out like the real one; each case plants one import.
const base: Record<string, string> = {
  'core/stats.ts': 'export const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;\n',
  'theory/claim.ts': 'export interface Claim { id: string }\n',
  'papers/p/theory/params.ts': "import { mean } from '../../../core/stats.ts';\nexport const spec = { name: 'n', m: mean([1]) };\n",
  'papers/p/theory/formula.ts': "import type { Claim } from '../../../theory/claim.ts';\nexport const risk = (n: number) => 1 / n;\nexport type R = Claim;\n",
  'papers/p/sim/sim.ts': "import { spec } from '../theory/params.ts';\nimport type { R } from '../theory/formula.ts';\nexport const run = (): R | number => spec.m;\n",
  'papers/p/checks/check.ts': "import { risk } from '../theory/formula.ts';\nimport { run } from '../sim/sim.ts';\nexport const ok = () => run() === risk(1);\n",
  'papers/p/paper.ts': "import { ok } from './checks/check.ts';\nexport const paper = { ok };\n",
  'reports/run.ts': "import { paper } from '../papers/p/paper.ts';\nexport const go = () => paper.ok();\n",
  'cli/main.ts': "import { go } from '../reports/run.ts';\ngo();\n",
};

describe('layer rules (.dependency-cruiser.cjs)', () => {
  it('accept a tree whose imports run one way, with type-only and parameter-spec imports into sim', () => {
    expect(violations(base)).toEqual([]);
  });

  it('reject a reversed import', () => {
    expect(violations({ ...base, 'core/stats.ts': "import { go } from '../reports/run.ts';\nexport const mean = () => go;\n" })).toContain('core-imports-upward');
    expect(violations({ ...base, 'papers/p/theory/params.ts': "import { run } from '../sim/sim.ts';\nexport const spec = { m: run };\n" })).toContain('theory-imports-upward');
  });

  it('reject a formula imported into a simulation', () => {
    expect(violations({ ...base, 'papers/p/sim/sim.ts': "import { risk } from '../theory/formula.ts';\nexport const run = () => risk(2);\n" })).toEqual(['sim-imports-a-formula']);
  });

  it('reject a cycle', () => {
    const v = violations({ ...base, 'cli/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n", 'cli/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n" });
    expect(v).toContain('no-circular');
  });

  it('reject a test fixture imported by production code', () => {
    const v = violations({ ...base, 'fixtures/broken.ts': 'export const broken = 1;\n', 'reports/run.ts': "import { broken } from '../fixtures/broken.ts';\nexport const go = () => broken;\n" });
    expect(v).toContain('fixtures-out-of-production');
  });
});
