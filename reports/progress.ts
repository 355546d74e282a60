/**
 * Progress on stderr, with an ETA from the elapsed time per unit of weight (expected CPU seconds, reports/unitOrder.ts; else fast-check runs).
 * On a terminal: one redrawn line with a bar, the unit (claim check or figure job) running and the
 * regimes done so far. Piped or under CI (CI set), where a redrawn line is garbage in a log and silence
 * for minutes looks like a hang: one plain line every `intervalMs` (and one at the end), e.g.
 * `[ttc report] 12/71 checks, 3/8 figure jobs, 1m40s elapsed, ETA ~3m`. Off with --quiet; results go
 * to stdout regardless.
 *
 * Why hand-written (issue 13 item 7): cli-progress, the usual library, redraws a bar; its non-TTY mode
 * (`noTTYOutput`) repeats the bar as text rather than a count line, and it has no notion of the ETA this needs —
 * weights per unit (expected seconds or runs) with cached units excluded. The whole module is ~100 lines and tested
 * (progress.test.ts).
 */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export type ProgressMode = 'bar' | 'lines';

export interface ProgressUnit {
  id: string;
  weight: number;
  kind?: 'check' | 'figure';
}

/** What a plain progress line says (see `plainLine`). */
export interface PlainState {
  checks: [done: number, total: number];
  figures: [done: number, total: number];
  elapsedS: number;
  /** Seconds left; undefined before the first unit finished, 0 when done. */
  etaS?: number;
  /** Units taken from the resume cache so far. */
  cached?: number;
  done?: boolean;
}

/** One progress line for logs: plain ASCII, no carriage return, no escape codes. */
export function plainLine(s: PlainState): string {
  const parts = [`${s.checks[0]}/${s.checks[1]} checks`];
  if (s.figures[1] > 0) parts.push(`${s.figures[0]}/${s.figures[1]} figure jobs`);
  if (s.cached) parts.push(`${s.cached} from the cache`);
  parts.push(`${fmtSecs(s.elapsedS)} elapsed`);
  if (s.done) parts.push('done');
  else if (s.etaS !== undefined && Number.isFinite(s.etaS)) parts.push(`ETA ~${roughSecs(s.etaS)}`);
  return `[ttc report] ${parts.join(', ')}`;
}

export class Progress {
  private units: ProgressUnit[] = [];
  private doneIds = new Set<string>();
  private cachedUnits = 0;
  private cachedWeight = 0;
  private doneWeight = 0;
  private totalWeight = 0;
  private doneUnits = 0;
  private regimes = 0;
  private current = '';
  private t0 = 0;
  private started = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly out: ProgressSink,
    readonly enabled: boolean,
    private readonly now: () => number = Date.now,
    readonly mode: ProgressMode = 'bar',
    private readonly intervalMs = 10_000,
  ) {}

  static forStderr(quiet = false): Progress {
    const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
    return new Progress(process.stderr, !quiet, Date.now, tty ? 'bar' : 'lines');
  }

  start(units: ProgressUnit[]): void {
    if (!this.started) {
      this.started = true;
      this.t0 = this.now();
      if (this.enabled) {
        this.timer = setInterval(() => (this.mode === 'bar' ? this.draw() : this.out.write(`${this.plain()}\n`)), this.mode === 'bar' ? 1000 : this.intervalMs);
        this.timer.unref?.();
      }
    }
    this.units = [...this.units, ...units];
    this.totalWeight += units.reduce((a, u) => a + Math.max(1, u.weight), 0);
    this.draw();
  }

  begin(id: string): void {
    this.current = id;
    this.draw();
  }

  end(id: string, regimes: number, verdict?: string, fromCache = false): void {
    const u = this.units.find((x) => x.id === id);
    this.doneWeight += Math.max(1, u?.weight ?? 1);
    this.doneUnits++;
    this.doneIds.add(id);
    if (fromCache) {
      this.cachedUnits++;
      this.cachedWeight += Math.max(1, u?.weight ?? 1);
    }
    this.regimes += regimes;
    void verdict;
    this.draw();
  }

  done(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.enabled && this.mode === 'bar') this.out.write('\r\x1b[2K');
    else if (this.enabled && this.started) this.out.write(`${this.plain(true)}\n`);
  }

  /** Stops the timer without a final line (the run was interrupted). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.enabled && this.mode === 'bar') this.out.write('\r\x1b[2K');
  }

  /** The plain line of the `lines` mode, for the state now (exported for tests). */
  plain(done = false): string {
    const count = (kind: 'check' | 'figure'): [number, number] => {
      const mine = this.units.filter((u) => (u.kind ?? 'check') === kind);
      return [mine.filter((u) => this.doneIds.has(u.id)).length, mine.length];
    };
    const elapsedS = (this.now() - this.t0) / 1000;
    // Units from the cache take no time: counted as work done, they would make the rest look faster.
    const computed = this.doneWeight - this.cachedWeight;
    const etaS = computed > 0 ? (elapsedS * (this.totalWeight - this.doneWeight)) / computed : undefined;
    return plainLine({ checks: count('check'), figures: count('figure'), elapsedS, etaS, cached: this.cachedUnits, done });
  }

  /** The status line (exported for tests); the unit's name is shortened first to fit `cols`. */
  line(cols = 200): string {
    const frac = this.totalWeight ? this.doneWeight / this.totalWeight : 0;
    const width = cols < 90 ? 12 : 24;
    const filled = Math.round(frac * width);
    const elapsed = (this.now() - this.t0) / 1000;
    const eta = frac > 0 && frac < 1 ? fmtSecs((elapsed * (1 - frac)) / frac) : frac >= 1 ? '0s' : '…';
    const head = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.doneUnits}/${this.units.length} · `;
    const tail = ` · ${this.regimes} regimes · ${fmtSecs(elapsed)} elapsed · ETA ${eta}`;
    const room = Math.max(8, cols - 1 - head.length - tail.length);
    const unit = this.current.length > room ? `${this.current.slice(0, room - 1)}…` : this.current;
    return `${head}${unit}${tail}`.slice(0, Math.max(cols - 1, 20));
  }

  private draw(): void {
    if (!this.enabled || this.mode !== 'bar') return;
    this.out.write(`\r\x1b[2K${this.line(this.out.columns || 120)}`);
  }
}

/** A coarse duration for an estimate: "~40s" is honest, "~3m12s" is not. */
function roughSecs(s: number): string {
  if (Math.round(s / 5) * 5 < 60) return `${Math.max(5, Math.round(s / 5) * 5)}s`;
  if (s < 600) return `${Math.round(s / 60)}m`;
  return `${Math.round(s / 300) * 5}m`;
}

function fmtSecs(s: number): string {
  if (!Number.isFinite(s)) return '…';
  const m = Math.floor(s / 60);
  const r = Math.round(s - 60 * m);
  return m ? `${m}m${String(r).padStart(2, '0')}s` : `${r}s`;
}
