import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from './pool.ts';
import { brokenCheck } from '../fixtures/broken.ts';
import type { CheckResult } from '../properties/check.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/broken.ts', import.meta.url));

describe('report workers see the same papers as their parent', () => {
  it("runs a user's paper module in a worker (built-ins off) with the same result as in this process", async () => {
    const pool = new WorkerPool(1, { builtin: false, modules: [FIXTURE] });
    try {
      const there = await pool.run<CheckResult>({ kind: 'check', id: brokenCheck.id, seed: 7, budget: 'test' });
      const here = await brokenCheck.run({ seed: 7, budget: 'test' });
      expect(there.verdict).toBe('mismatch');
      expect(there.records.length).toBe(6);
      expect(there.verdict).toBe(here.verdict);
      expect(there.records.map((r) => r.measurement.mean)).toEqual(here.records.map((r) => r.measurement.mean));
      // Built-ins off in the worker as in the parent: a built-in check is unknown there.
      await expect(pool.run({ kind: 'check', id: 'fate.thm3.6/finite-size', seed: 7, budget: 'test' })).rejects.toThrow(/unknown check/);
    } finally {
      pool.close();
    }
  }, 60_000);

  it('a module that does not load is reported on every unit, not silently skipped', async () => {
    const pool = new WorkerPool(1, { builtin: false, modules: ['/nonexistent/paper.js'] });
    try {
      await expect(pool.run({ kind: 'check', id: brokenCheck.id, seed: 7, budget: 'test' })).rejects.toThrow(/could not load the papers.*nonexistent/);
    } finally {
      pool.close();
    }
  }, 60_000);
});
