/**
 * Progress on stderr: one redrawn line with a bar, the unit (claim check or figure job) running, the
 * regimes done so far and an ETA from the elapsed time per unit of weight (fast-check runs per check).
 * Off when stderr is not a TTY, under CI (CI set), or with --quiet; results go to stdout regardless.
 */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export class Progress {
  private units: { id: string; weight: number }[] = [];
  private doneWeight = 0;
  private totalWeight = 0;
  private doneUnits = 0;
  private regimes = 0;
  private current = '';
  private t0 = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly out: ProgressSink,
    readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  static forStderr(quiet = false): Progress {
    const on = !quiet && Boolean(process.stderr.isTTY) && !process.env.CI;
    return new Progress(process.stderr, on);
  }

  start(units: { id: string; weight: number }[]): void {
    if (this.t0 === 0) {
      this.t0 = this.now();
      if (this.enabled) {
        this.timer = setInterval(() => this.draw(), 1000);
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

  end(id: string, regimes: number, verdict?: string): void {
    const u = this.units.find((x) => x.id === id);
    this.doneWeight += Math.max(1, u?.weight ?? 1);
    this.doneUnits++;
    this.regimes += regimes;
    void verdict;
    this.draw();
  }

  done(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.enabled) this.out.write('\r\x1b[2K');
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
    if (!this.enabled) return;
    this.out.write(`\r\x1b[2K${this.line(this.out.columns || 120)}`);
  }
}

function fmtSecs(s: number): string {
  if (!Number.isFinite(s)) return '…';
  const m = Math.floor(s / 60);
  const r = Math.round(s - 60 * m);
  return m ? `${m}m${String(r).padStart(2, '0')}s` : `${r}s`;
}
