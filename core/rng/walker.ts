import { jumpState } from './jump.ts';
import { Stream } from './stream.ts';

/**
 * Replicates 0, 1, 2, … of `Stream.replicates(seed, ·)` in turn, without an object per replicate: `load` puts the
 * current replicate's state into a reusable Stream (no pending Box–Muller value, as a new stream), `jump` moves to the
 * next. For simulations of 10⁵ replicates per regime (uowq's linear model), where building every Stream up front and
 * the garbage it left cost two thirds of the simulation. The same numbers as Stream.replicates (stream.test.ts).
 */
export class ReplicateWalker {
  private readonly st: Int32Array;
  constructor(seed: number) {
    this.st = Stream.seedState(seed);
  }

  /** Starts `into` at the current replicate's stream. */
  load(into: Stream): void {
    into.load(this.st[0]!, this.st[1]!, this.st[2]!, this.st[3]!);
  }

  /** The next replicate (the state jumped 2^64 steps). */
  jump(): void {
    jumpState(this.st, this.st);
  }

  /** The current replicate's generator state (s01, s00, s11, s10). */
  state(): [number, number, number, number] {
    return [this.st[0]!, this.st[1]!, this.st[2]!, this.st[3]!];
  }
}
