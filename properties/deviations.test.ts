import { describe, expect, it } from 'vitest';
import { allChecks, getCheck } from '../papers/registry.ts';
import { decodeReplay } from './replay.ts';

/**
 * Every recorded deviation carries its smallest counterexample as a replay command. The record is
 * evidence, so it is tested: the token must decode to its own check, and replaying it must reproduce a
 * rejection of the printed claim (if it stops failing, the record is stale and this test fails).
 */
const withTokens = allChecks().filter((c) => c.deviation && /npx ttc replay \S+/.test(c.deviation.counterexample.replay));

/**
 * Records whose check has a single fixed regime (the paper's printed setting, shrinking off): the gate test of
 * the check runs that very regime and asserts the record's verdict, so replaying the token here would repeat a
 * minute of simulation for no new evidence (the token itself is still decoded and checked above).
 */
const ASSERTED_BY_THE_GATE_TEST = new Set(['ptransfer.fig2/level']);

describe('recorded deviations replay', () => {
  it('every deviation record names a replay token', () => {
    const missing = allChecks().filter((c) => c.deviation && !withTokens.includes(c)).map((c) => c.id);
    expect(missing, `deviations without a replay token: ${missing.join(', ')}`).toEqual([]);
  });
  it.each(withTokens.map((c) => [c.id, c.deviation!.counterexample.replay] as const))('%s: its counterexample still fails', async (id, cmd) => {
    const t = decodeReplay(/npx ttc replay (\S+)/.exec(cmd)![1]!);
    expect([id, ...(getCheck(id).aliases ?? [])]).toContain(t.checkId);
    if (ASSERTED_BY_THE_GATE_TEST.has(id)) return;
    const r = await getCheck(id).run({ seed: t.seed, budget: t.budget, path: t.path });
    console.log(`${id}: replay of ${JSON.stringify(r.records[0]?.params)} → ${r.verdict}`);
    expect(r.verdict).toBe(getCheck(id).deviation!.kind === 'not-reproduced' ? 'not-reproduced' : 'deviates');
    expect(r.records.some((x) => !x.ok)).toBe(true);
  });
});
