import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Budget } from '../properties/check.ts';

/**
 * What a worker loads before its first unit, so it sees the same papers as its parent: whether the built-in
 * papers are on, and the users' paper modules (absolute paths) loaded with --paper-module or ttc.config.*.
 */
export interface WorkerSetup {
  builtin: boolean;
  modules: readonly string[];
}

/** The environment variable a worker reads its setup from (JSON). */
export const WORKER_SETUP_ENV = 'TTC_WORKER_SETUP';

export interface UnitRequest {
  kind: 'check' | 'figure';
  id: string;
  seed: number;
  budget: Budget;
}

/** A worker's answer to one unit, with the unit's own wall and CPU time measured in the worker. */
export type UnitReply = { ok: true; value: unknown; wallMs: number; cpuMs: number } | { ok: false; error: string; wallMs: number; cpuMs: number };

export interface Timed<T> {
  value: T;
  wallMs: number;
  cpuMs: number;
}

/** A unit that did not finish because the run was interrupted (SIGINT, SIGTERM, SIGHUP): not a crash. */
export class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
  }
}

/** The signals that mean "stop the run" rather than "this unit crashed". */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** User + system CPU time of this process since `c0`, in ms. */
export function cpuMsSince(c0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
}

interface Worker {
  child: ChildProcess;
  busy: Pending | null;
  ready: boolean;
  exited: Promise<void>;
}

interface Pending {
  resolve(v: Timed<unknown>): void;
  reject(e: Error): void;
}

/**
 * Worker processes for `ttc report --jobs N`: each runs one unit (a registered check or a figure job)
 * at a time, by id, and sends back its result (advanced serialisation: NaN and −0 survive). The checks
 * are single-threaded, so N processes use N cores.
 */
const RESERVED: Pending = { resolve: () => {}, reject: () => {} };

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly waiting: ((w: Worker | null) => void)[] = [];
  /** Set by `terminate`: the signal the run is stopping for. */
  private stopping: NodeJS.Signals | undefined;

  constructor(
    readonly size: number,
    setup: WorkerSetup = { builtin: true, modules: [] },
  ) {
    const script = fileURLToPath(new URL('./worker.js', import.meta.url));
    // NODE_OPTIONS (e.g. `--import tsx` for a user's .ts paper module) reaches the workers through the environment.
    const env = { ...process.env, [WORKER_SETUP_ENV]: JSON.stringify(setup) };
    for (let i = 0; i < size; i++) {
      const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced', execArgv: [], env });
      const w: Worker = { child, busy: null, ready: false, exited: new Promise((r) => child.once('exit', () => r())) };
      child.on('message', (m: UnitReply | { ready: true }) => {
        if ('ready' in m) {
          // Messages sent before the worker has loaded its handler would be lost: wait for this.
          w.ready = true;
          this.release(w);
          return;
        }
        const p = w.busy;
        w.busy = null;
        if (!p || p === RESERVED) return;
        if (m.ok) p.resolve({ value: m.value, wallMs: m.wallMs, cpuMs: m.cpuMs });
        else p.reject(new Error(m.error || 'worker failed'));
        this.release(w);
      });
      child.on('exit', (code, signal) => {
        const p = w.busy;
        w.busy = null;
        // Ended by the run's own shutdown or by a stop signal sent to the process group: the unit is
        // unfinished, not failed (it must not be reported as a crash, nor cached).
        if (this.stopping || (signal && STOP_SIGNALS.includes(signal))) p?.reject(new Interrupted(this.stopping ?? signal!));
        else p?.reject(new Error(`report worker exited with ${signal ? `signal ${signal}` : `status ${code}`}`));
        // Callers waiting for a free worker must not wait for ever once none is left.
        if (!this.workers.some((x) => x.child.connected && x.child.exitCode === null && x.child.signalCode === null)) {
          for (const next of this.waiting.splice(0)) next(null);
        }
      });
      this.workers.push(w);
    }
  }

  private release(w: Worker): void {
    if (!w.ready || w.busy) return;
    const next = this.waiting.shift();
    if (next) {
      // Reserve it now, so that no other caller takes it before `run` marks it busy.
      w.busy = RESERVED;
      next(w);
    }
  }

  private async acquire(): Promise<Worker> {
    const gone = () => (this.stopping ? new Interrupted(this.stopping) : new Error('no report worker process left'));
    if (this.stopping) throw gone();
    const free = this.workers.find((w) => w.ready && !w.busy && w.child.connected);
    if (free) {
      free.busy = RESERVED;
      return free;
    }
    if (!this.workers.some((w) => w.child.connected)) throw gone();
    const w = await new Promise<Worker | null>((r) => this.waiting.push(r));
    if (!w) throw gone();
    return w;
  }

  async run<T>(req: UnitRequest): Promise<T> {
    return (await this.runTimed<T>(req)).value;
  }

  /** Runs one unit; its result with the wall and CPU time the worker spent on it. */
  async runTimed<T>(req: UnitRequest): Promise<Timed<T>> {
    const w = await this.acquire();
    return new Promise<Timed<T>>((resolve, reject) => {
      w.busy = { resolve: resolve as (v: Timed<unknown>) => void, reject };
      // A worker that died between acquire and send: its exit handler rejects the unit.
      w.child.send(req, (e) => {
        if (e && w.busy) {
          w.busy = null;
          reject(this.stopping ? new Interrupted(this.stopping) : e);
        }
      });
    });
  }

  /** Lets idle workers exit (they exit when the channel closes, after any unit they are running). */
  close(): void {
    for (const w of this.workers) if (w.child.connected) w.child.disconnect();
  }

  /**
   * Ends every worker now (SIGTERM: a worker in the middle of a unit stops at once) and resolves when
   * all have exited; their unfinished units reject with `Interrupted`. Finished units were handed back
   * before, so what the caller cached stays cached.
   */
  async terminate(signal: NodeJS.Signals): Promise<void> {
    this.stopping ??= signal;
    for (const next of this.waiting.splice(0)) next(null);
    for (const w of this.workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
    await Promise.all(this.workers.map((w) => w.exited));
  }
}
