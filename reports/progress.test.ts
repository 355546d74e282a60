import { describe, expect, it, vi } from 'vitest';
import { plainLine, Progress } from './progress.ts';

describe('plain progress lines (piped output, CI)', () => {
  it('formats checks, figure jobs, elapsed time and a rough ETA', () => {
    expect(plainLine({ checks: [12, 71], figures: [3, 8], elapsedS: 100, etaS: 190 })).toBe('[ttc report] 12/71 checks, 3/8 figure jobs, 1m40s elapsed, ETA ~3m');
    expect(plainLine({ checks: [0, 4], figures: [0, 0], elapsedS: 4.2 })).toBe('[ttc report] 0/4 checks, 4s elapsed');
    expect(plainLine({ checks: [2, 4], figures: [0, 0], elapsedS: 20, etaS: 38 })).toBe('[ttc report] 2/4 checks, 20s elapsed, ETA ~40s');
    expect(plainLine({ checks: [2, 4], figures: [0, 0], elapsedS: 1, etaS: 0.4 })).toBe('[ttc report] 2/4 checks, 1s elapsed, ETA ~5s');
    expect(plainLine({ checks: [5, 71], figures: [1, 8], elapsedS: 3725, etaS: 1300, cached: 4 })).toBe('[ttc report] 5/71 checks, 1/8 figure jobs, 4 from the cache, 62m05s elapsed, ETA ~20m');
    expect(plainLine({ checks: [71, 71], figures: [8, 8], elapsedS: 492, etaS: 0, done: true })).toBe('[ttc report] 71/71 checks, 8/8 figure jobs, 8m12s elapsed, done');
  });

  it('prints one line per interval and a last one, never a carriage return or escape code', () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const written: string[] = [];
      const p = new Progress({ write: (s: string) => written.push(s) }, true, () => now, 'lines', 10_000);
      p.start([
        { id: 'a', weight: 1, kind: 'check' },
        { id: 'b', weight: 1, kind: 'check' },
        { id: 'f', weight: 2, kind: 'figure' },
      ]);
      p.begin('a');
      expect(written).toEqual([]); // nothing is drawn per unit: only on the interval
      now = 5000;
      p.end('a', 3);
      now = 10_000;
      vi.advanceTimersByTime(10_000);
      expect(written).toEqual(['[ttc report] 1/2 checks, 0/1 figure jobs, 10s elapsed, ETA ~30s\n']);
      now = 20_000;
      p.end('f', 4);
      vi.advanceTimersByTime(10_000);
      now = 21_000;
      p.end('b', 1);
      p.done();
      expect(written.slice(1)).toEqual(['[ttc report] 1/2 checks, 1/1 figure jobs, 20s elapsed, ETA ~5s\n', '[ttc report] 2/2 checks, 1/1 figure jobs, 21s elapsed, done\n']);
      vi.advanceTimersByTime(60_000);
      expect(written).toHaveLength(3);
      expect(written.join('')).not.toMatch(/[\r\x1b]/);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves units from the resume cache out of the ETA', () => {
    let now = 0;
    const p = new Progress({ write: () => {} }, true, () => now, 'lines');
    p.start([
      { id: 'a', weight: 10, kind: 'check' },
      { id: 'b', weight: 10, kind: 'check' },
      { id: 'c', weight: 10, kind: 'check' },
    ]);
    p.end('a', 1, 'conforms', true);
    expect(p.plain()).toBe('[ttc report] 1/3 checks, 1 from the cache, 0s elapsed');
    now = 30_000;
    p.end('b', 1);
    // 10 runs took 30 s: 10 more take about as long (not 15 s, as 20 runs done in 30 s would suggest).
    expect(p.plain()).toBe('[ttc report] 2/3 checks, 1 from the cache, 30s elapsed, ETA ~30s');
    p.stop();
  });

  it('is a redrawn bar on a terminal and off with --quiet', () => {
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    const ci = process.env.CI;
    try {
      delete process.env.CI;
      Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
      expect(Progress.forStderr()).toMatchObject({ enabled: true, mode: 'bar' });
      Object.defineProperty(process.stderr, 'isTTY', { value: false, configurable: true });
      expect(Progress.forStderr()).toMatchObject({ enabled: true, mode: 'lines' });
      expect(Progress.forStderr(true)).toMatchObject({ enabled: false });
      process.env.CI = 'true';
      Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
      expect(Progress.forStderr()).toMatchObject({ enabled: true, mode: 'lines' });
    } finally {
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
  });
});
