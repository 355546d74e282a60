/**
 * One test per deep-linear GD check, at the gate seed and the 'test' budget. All in one file so
 * that checks reading the same fits (the two fine-tuning formulas, the two Thm 3.4 checks) share
 * the memoised GD runs (gdCommon.ts).
 */
import { describe, expect, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';
import { gdChecks } from './gdChecks.ts';
import { FT_PAPER_DEVIATION, fineTunePaperCheck } from './gdThm3_9.ts';
import { decodeReplay } from '../../../properties/replay.ts';
import { getCheck } from '../../registry.ts';

describe('fate deep-linear GD checks (gate seed, budget test)', () => {
  it('exports the checks under unique ids <claim id>/<name>, with their former dotted ids as aliases', () => {
    const ids = gdChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of gdChecks) {
      expect(c.claimId).toMatch(/^fate\./);
      expect(c.id.startsWith(`${c.claimId}/gd-`)).toBe(true);
      expect(c.aliases).toEqual([c.id.replace('/', '.')]);
    }
  });

  it('check ids do not collide with the other fate checks, and name claims that exist', async () => {
    const { fateChecks } = await import('./index.ts');
    const all = fateChecks.map((c) => c.id);
    for (const c of gdChecks) expect(all).toContain(c.id);
    expect(new Set(all).size).toBe(all.length);
    const { fateClaims } = await import('../theory/index.ts');
    const claimIds = new Set(fateClaims.map((c) => c.id));
    for (const c of gdChecks) expect(claimIds.has(c.claimId), c.claimId).toBe(true);
  });

  it('Lemma 3.3: GD pretraining converges to β_s', async () => {
    await expectVerdict('fate.lemma3.3/gd-pretrain-converges', 'conforms');
  });

  it('Thm 3.4: rank-one tail of the pretrained features vanishes at least like α²', async () => {
    await expectVerdict('fate.thm3.4/gd-rank-one-alpha2', 'conforms');
  });

  it('Thm 3.4: top left singular vector aligns with β_s', async () => {
    await expectVerdict('fate.thm3.4/gd-align', 'conforms');
  });

  it('Thm 3.5 (n < d): gap to X⁺y vanishes like α', async () => {
    await expectVerdict('fate.thm3.5/gd-min-norm-rate', 'conforms');
  });

  it('Thm 3.5 (n > d): GD ends at the unique least-squares solution', async () => {
    await expectVerdict('fate.thm3.5/gd-min-norm-unique', 'conforms');
  });

  it('Thm 3.7 mechanism: linear transfer by GD ends at b·β_s', async () => {
    await expectVerdict('fate.thm3.7/gd-linear-transfer-endpoint', 'conforms');
  });

  it('fine-tuning GD ends at the integrated gradient flow\'s end point (the reduction)', async () => {
    await expectVerdict('fate.thm3.9/gd-ft-endpoint-derived', 'conforms');
  });

  it("fine-tuning does not end at the paper's eq (142): recorded deviation reproduces", async () => {
    const res = await expectVerdict('fate.thm3.9/gd-ft-endpoint-eq142', 'deviates');
    expect(res.deviation).toBe(FT_PAPER_DEVIATION);
    expect(FT_PAPER_DEVIATION.counterexample.replay).toMatch(/^npx ttc replay /);
  });

  it('the recorded eq (142) counterexample replays to the recorded parameters and still rejects', async () => {
    const target = decodeReplay(FT_PAPER_DEVIATION.counterexample.replay.replace('npx ttc replay ', ''));
    // The recorded token names the former dotted id, which resolves to the check through its alias.
    expect(target.checkId).toBe('fate.thm3.9.gd-ft-endpoint-eq142');
    expect(getCheck(target.checkId)).toBe(fineTunePaperCheck);
    const res = await fineTunePaperCheck.run({ seed: target.seed, budget: target.budget, path: target.path });
    expect(res.records).toHaveLength(1);
    expect(res.records[0]!.params).toEqual(FT_PAPER_DEVIATION.counterexample.params);
    expect(res.records[0]!.ok).toBe(false);
    expect(res.verdict).toBe('deviates');
  });
});
