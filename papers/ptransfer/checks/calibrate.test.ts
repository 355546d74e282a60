import { describe, expect, it } from 'vitest';
import { calibrate, predictAt } from './calibrate.ts';

describe('calibration of C_1 < C_3, C_2', () => {
  it('separated data give the tightest consistent constants', () => {
    const pts = [
      { S: 0.1, e: 0.4 },
      { S: 0.2, e: 0.3 },
      { S: 0.5, e: 0.05 },
      { S: 1, e: 0.01 },
    ];
    const c = calibrate(pts);
    expect(c.invC3).toBe(0.2);
    expect(c.invC1).toBe(0.5);
    expect(c.C1).toBeLessThan(c.C3);
    expect(c.C2).toBeCloseTo(Math.min(-Math.log(0.05) / 0.5, -Math.log(0.01) / 1), 12);
    expect(predictAt(c, 0.15).region).toBe('sub-optimal');
    expect(predictAt(c, 0.3).region).toBe('gap');
    expect(predictAt(c, 2)).toEqual({ region: 'near-optimal', bound: Math.min(0.1, Math.exp(-c.C2! * 2)) });
  });
  it('overlapping data widen the gap instead of failing', () => {
    const c = calibrate([
      { S: 0.1, e: 0.3 },
      { S: 0.2, e: 0.05 },
      { S: 0.3, e: 0.2 },
      { S: 0.4, e: 0.02 },
    ]);
    expect(c.invC3).toBe(0.1);
    expect(c.invC1).toBe(0.4);
    expect(c.gapPoints).toBe(2);
  });
});
