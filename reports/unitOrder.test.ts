import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { longestFirst, saveUnitCosts, unitCosts } from './unitOrder.ts';
import { UNIT_CPU_SECONDS } from './unitCosts.ts';

const dir = mkdtempSync(join(tmpdir(), 'ttc-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Makespan of greedy dispatch (each free worker takes the next unit), as the report's worker pool does. */
function makespan(order: readonly { id: string }[], cost: Record<string, number>, workers: number): number {
  const w = new Array<number>(workers).fill(0);
  for (const u of order) {
    const k = w.indexOf(Math.min(...w));
    w[k] = w[k]! + cost[u.id]!;
  }
  return Math.max(...w);
}

describe('dispatch order of report units', () => {
  it('puts the longest units first, unknown ones at their runs × the median cost per run, ties in the given order', () => {
    const units = [
      { id: 'a', runs: 10 },
      { id: 'fig', runs: 1 },
      { id: 'new', runs: 20 },
      { id: 'b', runs: 10 },
      { id: 'c', runs: 10 },
    ];
    // Per run: a 0.1, fig 5, b 0.1, c 1 → median 1 (sorted 0.1, 0.1, 1, 5): 'new' ≈ 20 s.
    const order = longestFirst(units, { a: 1, fig: 5, b: 1, c: 10 }).map((u) => u.id);
    expect(order).toEqual(['new', 'c', 'fig', 'a', 'b']);
    expect(longestFirst(units, {}).map((u) => u.id)).toEqual(units.map((u) => u.id));
  });

  it('on the committed full-budget costs it ends the two workers together; registry order, figure jobs last, left one idle', () => {
    const full = UNIT_CPU_SECONDS.full!;
    // Registry order then figure jobs (as dispatched before): ids with a '/' after the paper id are figure jobs.
    const ids = Object.keys(full);
    const figures = ids.filter((id) => !id.includes('.'));
    const checks = ids.filter((id) => id.includes('.'));
    const before = makespan([...checks, ...figures].map((id) => ({ id })), full, 2);
    const after = makespan(longestFirst(ids.map((id) => ({ id, runs: 1 })), full), full, 2);
    const total = ids.reduce((s, id) => s + full[id]!, 0);
    expect(after).toBeLessThan(total / 2 + 5);
    expect(before - after).toBeGreaterThan(30);
  });

  it('prefers the costs of the previous run in the cache and updates them', () => {
    saveUnitCosts(dir, 'quick', { 'x.y/z': 12_345, 'fate/ridge-curve': 2_000 });
    const c = unitCosts('quick', dir);
    expect(c['x.y/z']).toBe(12.345);
    expect(c['fate/ridge-curve']).toBe(2);
    // Entries the run did not compute keep the committed value.
    const other = Object.keys(UNIT_CPU_SECONDS.quick!).find((id) => id !== 'fate/ridge-curve')!;
    expect(c[other]).toBe(UNIT_CPU_SECONDS.quick![other]);
    saveUnitCosts(dir, 'quick', { 'a.b/c': 500 });
    const saved = JSON.parse(readFileSync(join(dir, 'costs-quick.json'), 'utf8')) as Record<string, number>;
    expect(saved).toEqual({ 'x.y/z': 12.345, 'fate/ridge-curve': 2, 'a.b/c': 0.5 });
    expect(unitCosts('quick', join(dir, 'missing'))).toEqual({ ...UNIT_CPU_SECONDS.quick });
  });
});
