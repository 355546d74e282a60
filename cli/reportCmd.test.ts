import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';
import { canonicalJson, withoutTimings } from '../reports/json.ts';

process.env.TTC_REPORT_NO_TF = '1';

const dir = mkdtempSync(join(tmpdir(), 'ttc-cli-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const strip = (p: string) => canonicalJson(withoutTimings(JSON.parse(readFileSync(join(p, 'report.json'), 'utf8'))));

describe('ttc report (CLI)', () => {
  it('bad usage exits 2 with one line and no stack trace', async () => {
    for (const argv of [['report', '--budget', 'huge'], ['report', '--shard', '3/2'], ['report', '--paper', 'nope'], ['report', '--frobnicate', '1'], ['report', '--merge', join(dir, 'missing')], ['report', '--out', process.cwd()]]) {
      err = [];
      expect(await main(argv)).toBe(2);
      expect(err).toHaveLength(1);
      expect(err[0]).toMatch(/^ttc: /);
      expect(err[0]).not.toMatch(/\n\s+at /);
    }
    expect(await main(['report', '--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/--merge DIR/);
  });

  it('writes the four outputs, and shards merged through the CLI equal the unsharded run', async () => {
    const common = ['--budget', 'test', '--claim', 'fate.thm2.2', '--quiet'];
    expect(await main(['report', ...common, '--out', join(dir, 'all')])).toBe(0);
    for (const f of ['index.html', 'report.md', 'report.json', 'junit.xml']) expect(existsSync(join(dir, 'all', f))).toBe(true);
    expect(await main(['report', ...common, '--shard', '1/2', '--out', join(dir, 's1')])).toBe(0);
    expect(await main(['report', ...common, '--shard', '2/2', '--out', join(dir, 's2')])).toBe(0);
    out = [];
    expect(await main(['report', '--merge', join(dir, 's1'), join(dir, 's2'), '--out', join(dir, 'merged'), '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n')).summary.checks).toBe(2);
    expect(strip(join(dir, 'merged'))).toBe(strip(join(dir, 'all')));
  });
});
