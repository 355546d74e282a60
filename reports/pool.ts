import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Budget } from '../properties/check.ts';

export interface UnitRequest {
  kind: 'check' | 'figure';
  id: string;
  seed: number;
  budget: Budget;
}

interface Worker {
  child: ChildProcess;
  busy: Pending | null;
  ready: boolean;
}

interface Pending {
  resolve(v: unknown): void;
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
  private readonly waiting: ((w: Worker) => void)[] = [];

  constructor(readonly size: number) {
    const script = fileURLToPath(new URL('./worker.js', import.meta.url));
    for (let i = 0; i < size; i++) {
      const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced', execArgv: [] });
      const w = { child, busy: null as Pending | null, ready: false };
      child.on('message', (m: { ready?: boolean; ok: boolean; value?: unknown; error?: string }) => {
        if (m.ready) {
          // Messages sent before the worker has loaded its handler would be lost: wait for this.
          w.ready = true;
          this.release(w);
          return;
        }
        const p = w.busy;
        w.busy = null;
        if (!p || p === RESERVED) return;
        if (m.ok) p.resolve(m.value);
        else p.reject(new Error(m.error ?? 'worker failed'));
        this.release(w);
      });
      child.on('exit', (code) => {
        const p = w.busy;
        w.busy = null;
        p?.reject(new Error(`report worker exited with status ${code}`));
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

  private acquire(): Promise<Worker> {
    const free = this.workers.find((w) => w.ready && !w.busy && w.child.connected);
    if (free) {
      free.busy = RESERVED;
      return Promise.resolve(free);
    }
    if (!this.workers.some((w) => w.child.connected)) return Promise.reject(new Error('no report worker process left'));
    return new Promise((r) => this.waiting.push(r));
  }

  async run<T>(req: UnitRequest): Promise<T> {
    const w = await this.acquire();
    return new Promise<T>((resolve, reject) => {
      w.busy = { resolve: resolve as (v: unknown) => void, reject };
      w.child.send(req);
    });
  }

  close(): void {
    for (const w of this.workers) if (w.child.connected) w.child.disconnect();
  }
}
