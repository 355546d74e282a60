import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CholeskyDecomposition, LuDecomposition, Matrix, solve } from 'ml-matrix';
import { cholesky } from '../core/linalg/cholesky.ts';
import { gramRows } from '../core/linalg/dense.ts';
import { solveDense } from '../core/linalg/solve.ts';
import { cholSolve } from '../core/linalg/triangular.ts';
import { dot } from '../core/linalg/vector.ts';
import { Stream } from '../core/rng/stream.ts';

/**
 * core/linalg's hand-written Float64Array kernels against ml-matrix at the sizes the simulations use
 * (n = 10 … 500): Cholesky, SPD solve, pivoted dense solve, the Gram matrix X Xᵀ, dot. Each figure is the best of 7 interleaved
 * rounds (the machine is shared), in µs per call; "ml-matrix" starts from a prebuilt Matrix, "ml+conv" adds the
 * Float64Array → Matrix conversion that every caller (all hold row-major Float64Arrays) would pay.
 * The ratio ml-matrix / hand-written decides which one core uses (ml-matrix unless ≥ 1.5× slower).
 * `npx tsx bench/linalg.bench.ts` or `npm run bench -- linalg`.
 */
const SIZES = [10, 25, 50, 100, 200, 400, 500];
/** Columns of X for the Gram matrix X Xᵀ (n × d): the universality sweep's d. */
const GRAM_D = 400;

/**
 * µs per call of each function, best of 7 rounds; the rounds interleave the competitors so that load
 * from other processes on the shared machine hits them alike.
 */
function timeUs(...fns: (() => unknown)[]): number[] {
  const reps = fns.map((fn) => {
    let r = 1;
    for (;;) {
      const t0 = performance.now();
      for (let i = 0; i < r; i++) fn();
      if (performance.now() - t0 > 15) return r;
      r *= 2;
    }
  });
  const best = fns.map(() => Infinity);
  for (let round = 0; round < 7; round++)
    fns.forEach((fn, f) => {
      const t0 = performance.now();
      for (let i = 0; i < reps[f]!; i++) fn();
      best[f] = Math.min(best[f]!, ((performance.now() - t0) * 1000) / reps[f]!);
    });
  return best;
}

function spd(n: number, s: Stream): Float64Array {
  const x = s.normals(n * (n + 5));
  const m = n + 5;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let t = 0;
      for (let k = 0; k < m; k++) t += x[i * m + k]! * x[j * m + k]!;
      a[i * n + j] = t;
      a[j * n + i] = t;
    }
  return a;
}

const toMatrix = (a: Float64Array, n: number): Matrix => Matrix.from1DArray(n, n, a);
const fmt = (us: number): string => (us < 10 ? us.toFixed(2) : us < 1000 ? us.toFixed(1) : us.toFixed(0)).padStart(9);

export default async function bench(): Promise<void> {
  run(true); // warm-up: every kernel through the JIT before anything is timed
  run(false);
}

function run(warmUp: boolean): void {
  const s = Stream.fromSeed(20261122);
  const rows: string[] = [];
  let sink = 0;
  const line = (op: string, n: number, [hand, ml, mlConv]: number[]): void => {
    rows.push(`  ${op.padEnd(16)} ${String(n).padStart(4)} ${fmt(hand!)} ${fmt(ml!)} ${fmt(mlConv!)} ${(ml! / hand!).toFixed(1).padStart(7)}× ${(mlConv! / hand!).toFixed(1).padStart(7)}×`);
  };
  for (const n of warmUp ? SIZES.slice(0, 3) : SIZES) {
    const a = spd(n, s);
    const g = s.normals(n * n);
    for (let i = 0; i < n; i++) g[i * n + i]! += Math.sqrt(n);
    const b = s.normals(n);
    const A = toMatrix(a, n);
    const G = toMatrix(g, n);
    const B = Matrix.columnVector(Array.from(b));
    line('cholesky', n, timeUs(
      () => (sink += cholesky(a, n)[0]!),
      () => (sink += new CholeskyDecomposition(A).lowerTriangularMatrix.get(0, 0)),
      () => (sink += new CholeskyDecomposition(toMatrix(a, n)).lowerTriangularMatrix.get(0, 0))));
    line('SPD solve', n, timeUs(
      () => (sink += cholSolve(cholesky(a, n), n, b)[0]!),
      () => (sink += new CholeskyDecomposition(A).solve(B).get(0, 0)),
      () => (sink += new CholeskyDecomposition(toMatrix(a, n)).solve(Matrix.columnVector(Array.from(b))).get(0, 0))));
    line('dense solve', n, timeUs(
      () => (sink += solveDense(g, n, b)[0]!),
      () => (sink += new LuDecomposition(G).solve(B).get(0, 0)),
      () => (sink += solve(toMatrix(g, n), Matrix.columnVector(Array.from(b))).get(0, 0))));
    const x = s.normals(n * GRAM_D);
    const X = Matrix.from1DArray(n, GRAM_D, x);
    line(`gram XXᵀ d=${GRAM_D}`, n, timeUs(
      () => (sink += gramRows(x, n, GRAM_D)[0]!),
      () => (sink += X.mmul(X.transpose()).get(0, 0)),
      () => {
        const Y = Matrix.from1DArray(n, GRAM_D, x);
        sink += Y.mmul(Y.transpose()).get(0, 0);
      }));
    const u = s.normals(n);
    const U = Matrix.rowVector(Array.from(u));
    const V = Matrix.rowVector(Array.from(b));
    line('dot', n, timeUs(
      () => (sink += dot(u, b)),
      () => (sink += U.dot(V)),
      () => (sink += Matrix.rowVector(Array.from(u)).dot(Matrix.rowVector(Array.from(b))))));
  }
  if (warmUp) return;
  console.log('core/linalg vs ml-matrix 6.15, µs per call (best of 7 interleaved rounds)');
  console.log(`  ${'op'.padEnd(16)} ${'n'.padStart(4)} ${'hand'.padStart(9)} ${'ml-matrix'.padStart(9)} ${'ml+conv'.padStart(9)} ${'ml/hand'.padStart(8)} ${'conv/hand'.padStart(8)}`);
  console.log(rows.join('\n'));
  if (!Number.isFinite(sink)) console.log('  (non-finite checksum)');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await bench();
