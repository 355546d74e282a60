import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { getCheck } from '../papers/registry.ts';
import type { CheckSpec } from '../properties/check.ts';
import { decodeReplay } from '../properties/replay.ts';
import { brokenCheck, crashingCheck } from '../fixtures/broken.ts';
import { canonicalJson, withoutTimings } from './json.ts';
import { mergeReports, readReport } from './merge.ts';
import { Progress } from './progress.ts';
import { runReport, type RunOptions } from './run.ts';
import schema from './schema.json' with { type: 'json' };
import type { Report } from './types.ts';
import { writeReport } from './write.ts';
import { checkWellFormedXml } from './xmlcheck.ts';

process.env.TTC_REPORT_NO_TF = '1'; // the tfjs backend label is not what these tests are about

const SEED = 20261122;
const SUBSET = ['fate.thm2.2/kl', 'fate.thm2.2/dudley', 'fate.thm3.8/increasing-in-lambda', 'fate.thm3.8/right-angle'];
const subset = (): CheckSpec[] => SUBSET.map(getCheck);
const base = (extra: Partial<RunOptions> = {}): RunOptions => ({ checks: subset(), seed: SEED, budget: 'test', selection: { papers: ['fate'], claims: ['fate.thm2.2', 'fate.thm3.8'] }, ...extra });
const same = (r: Report) => canonicalJson(withoutTimings(r));

let dir: string;
let first: Report;
let firstDir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ttc-report-'));
  first = await runReport(base({ cacheDir: join(dir, 'cache') }));
  firstDir = join(dir, 'first');
  await writeReport(first, firstDir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ttc report', () => {
  it('writes a schema-valid report.json with one record per claim × regime and the run metadata', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const json = JSON.parse(readFileSync(join(firstDir, 'report.json'), 'utf8'));
    const ok = validate(json);
    expect(ok, JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(json.checks.map((c: { checkId: string }) => c.checkId)).toEqual(SUBSET);
    expect(json.records.length).toBe(json.checks.reduce((a: number, c: { regimes: number }) => a + c.regimes, 0));
    const dev = json.records.filter((r: { checkId: string }) => r.checkId === 'fate.thm2.2/dudley');
    expect(dev.every((r: { verdict: string }) => r.verdict === 'deviates')).toBe(true);
    expect(json.meta).toMatchObject({ seed: SEED, budget: 'test', packageVersion: expect.any(String), gitSha: expect.any(String), node: process.version });
    expect(json.summary.exitCode).toBe(0);
    expect(Object.keys(json.figureData).sort()).toEqual(['fate/ft-slices', 'fate/lt-phase-grid', 'fate/lt-slices', 'fate/ridge-curve']);
    for (const f of ['index.html', 'report.md', 'junit.xml', 'figures/fate-phase-lt-sigma0.2.svg', 'figures/check-fate.thm3.8_increasing-in-lambda.svg']) expect(existsSync(join(firstDir, f)), f).toBe(true);
    // An invalid report is rejected (the schema is not vacuous).
    expect(validate({ ...json, records: [{ ...json.records[0], verdict: 'fine' }] })).toBe(false);
    // A topped-up regime carries its batches and derived seeds; a malformed top-up is rejected.
    const topped = { ...json.records[0], topUp: { batches: 2, draws: 60, firstDraws: 20, seeds: [65537, 131074] } };
    expect(validate({ ...json, records: [topped] }), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...json, records: [{ ...topped, topUp: { batches: 0, draws: 60, firstDraws: 20, seeds: [] } }] })).toBe(false);
  });

  it('HTML is self-contained: summary, phase diagrams as inline SVG, no scripts or external requests', () => {
    const html = readFileSync(join(firstDir, 'index.html'), 'utf8');
    expect(html).toContain('id="summary"');
    expect(html).toContain('fig-fate-phase-lt-sigma0.2');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link |src="http/);
    const md = readFileSync(join(firstDir, 'report.md'), 'utf8');
    expect(md).toContain('![');
    expect(md).toContain('figures/fate-phase-lt-sigma0.svg');
    // The data beside each figure: its Vega-Lite spec with the plotted values inline.
    expect(md).toContain('figures/fate-phase-lt-sigma0.vl.json');
    const spec = JSON.parse(readFileSync(join(firstDir, 'figures/fate-phase-lt-sigma0.2.vl.json'), 'utf8')) as { $schema: string; layer?: { data?: { values?: unknown[] } }[]; data?: { values?: unknown[] } };
    expect(spec.$schema).toMatch(/vega-lite/);
    const values = [spec.data?.values ?? [], ...(spec.layer ?? []).map((l) => l.data?.values ?? [])].flat();
    expect(values.length).toBeGreaterThan(10);
  });

  it('is deterministic: a re-run gives byte-identical report.json apart from timings', async () => {
    const again = await runReport(base());
    expect(same(again)).toBe(same(first));
    const out = join(dir, 'again');
    await writeReport(again, out);
    const strip = (p: string) => canonicalJson(withoutTimings(JSON.parse(readFileSync(join(p, 'report.json'), 'utf8'))));
    expect(strip(out)).toBe(strip(firstDir));
  });

  it('sharded runs merged equal the unsharded report', async () => {
    const parts: { dir: string; report: Report }[] = [];
    for (const shard of ['1/2', '2/2']) {
      const r = await runReport(base({ shard }));
      expect(r.meta.shard).toBe(shard);
      const out = join(dir, `shard-${shard.replace('/', 'of')}`);
      await writeReport(r, out);
      parts.push({ dir: out, report: readReport(out) });
    }
    const merged = mergeReports(parts);
    expect(same(merged)).toBe(same(first));
    expect(() => mergeReports([parts[0]!])).toThrow(/missing shard/);
  });

  it('--resume reuses finished results from the cache (same report, nothing recomputed)', async () => {
    const r = await runReport(base({ cacheDir: join(dir, 'cache'), resume: true }));
    expect(r.timings.cached.sort()).toEqual([...subset().map((c) => c.id), 'fate/ft-slices', 'fate/lt-phase-grid', 'fate/lt-slices', 'fate/ridge-curve'].sort());
    expect(same(r)).toBe(same(first));
    // A different seed is a different key.
    const other = await runReport(base({ checks: [getCheck('fate.thm2.2/kl')], figures: false, seed: 5, cacheDir: join(dir, 'cache'), resume: true }));
    expect(other.timings.cached).toEqual([]);
  });

  it('is written atomically: an interrupted run leaves the previous report in place', async () => {
    const out = join(dir, 'atomic');
    await writeReport(first, out);
    const before = readFileSync(join(out, 'report.json'), 'utf8');
    // Interrupted while writing: every file is in the temp directory, the swap never happens.
    await expect(writeReport({ ...first, meta: { ...first.meta, seed: 1 } }, out, { beforeCommit: () => { throw new Error('killed'); } })).rejects.toThrow('killed');
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
    // Interrupted while running: nothing is written; finished units are in the cache for --resume.
    const cacheDir = join(dir, 'cache-interrupt');
    await expect(runReport(base({ figures: false, cacheDir, afterUnit: (id) => { if (id === 'fate.thm2.2/dudley') throw new Error('SIGINT'); } }))).rejects.toThrow('SIGINT');
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(before);
    const resumed = await runReport(base({ figures: false, cacheDir, resume: true }));
    expect(resumed.timings.cached).toEqual(['fate.thm2.2/dudley', 'fate.thm2.2/kl']);
    expect(canonicalJson(withoutTimings(resumed)).length).toBeGreaterThan(0);
    // A directory holding other files is never replaced.
    await expect(writeReport(first, join(dir))).rejects.toThrow(/holds other files/);
  });

  it('junit.xml is well-formed and maps verdicts (mismatch → failure with replay)', async () => {
    checkWellFormedXml(readFileSync(join(firstDir, 'junit.xml'), 'utf8'));
    const r = await runReport(base({ checks: [brokenCheck, crashingCheck, getCheck('fate.thm2.2/kl')], figures: false, selection: { papers: ['fate'], claims: null } }));
    expect(r.summary.exitCode).toBe(1);
    expect(r.checks.find((c) => c.checkId === crashingCheck.id)).toMatchObject({ verdict: 'mismatch', summary: expect.stringMatching(/failed to run: simulated crash/) });
    const out = join(dir, 'broken');
    await writeReport(r, out);
    const xml = readFileSync(join(out, 'junit.xml'), 'utf8');
    checkWellFormedXml(xml);
    expect(xml).toMatch(/<testcase classname="fixture.broken" name="fixture.broken\/scratch-sign"[^>]*>\s*<failure message="[^"]*" type="mismatch">[^<]*replay: npx ttc replay /);
    expect(xml).toContain('tests="3" failures="2"');
    expect(() => checkWellFormedXml('<a><b></a></b>')).toThrow();
  });
});

describe('replay of a deliberately broken claim (fixture)', () => {
  it('the counterexample token re-runs exactly the failing case', async () => {
    const r = await brokenCheck.run({ seed: 7, budget: 'test' });
    expect(r.verdict).toBe('mismatch');
    const ce = r.counterexample!;
    const token = ce.replay.replace(/^npx ttc replay /, '');
    const t = decodeReplay(token);
    expect(t).toEqual({ checkId: brokenCheck.id, seed: 7, path: ce.path, budget: 'test' });
    const again = await brokenCheck.run({ seed: t.seed, budget: t.budget, path: t.path });
    expect(again.verdict).toBe('mismatch');
    expect(again.records).toHaveLength(1);
    expect(again.records[0]!.params).toEqual(ce.params);
    expect(again.records[0]!.ok).toBe(false);
    // Exactly: the same measurement twice.
    const third = await brokenCheck.run({ seed: t.seed, budget: t.budget, path: t.path });
    expect(third.records[0]!.measurement).toEqual(again.records[0]!.measurement);
  });
});

describe('progress', () => {
  it('draws a bar with the unit, regime count and ETA, and stays silent when disabled', () => {
    let now = 0;
    const written: string[] = [];
    const p = new Progress({ write: (s: string) => written.push(s), columns: 200 }, true, () => now);
    p.start([{ id: 'a', weight: 1 }, { id: 'b', weight: 3 }]);
    p.begin('a');
    now = 2000;
    p.end('a', 5);
    p.begin('b');
    expect(p.line()).toMatch(/^\[#{6}-{18}\] 1\/2 · b · 5 regimes · 2s elapsed · ETA 6s$/);
    p.done();
    expect(written.length).toBeGreaterThan(0);
    const quiet: string[] = [];
    const q = new Progress({ write: (s: string) => quiet.push(s) }, false);
    q.start([{ id: 'a', weight: 1 }]);
    q.end('a', 1);
    q.done();
    expect(quiet).toEqual([]);
  });
});
