import type { Params } from '../../../../core/params.ts';
import { Stream, tfSeed } from '../../../../core/rng/stream.ts';
import { drawClasses, sampleTask, type LabelledImages } from './data.ts';

/**
 * ptransfer Table 1 analogue on real MNIST digits (TensorFlow.js, float32; tfjs is imported lazily).
 *
 * Architectures (14 × 14 inputs, 2 × 2-average-pooled MNIST):
 *   upstream (larger):  conv 3×3 × F (ReLU, 'same') → maxpool 2 → conv 3×3 × 2F (ReLU) → maxpool 2 → dense 32 (ReLU) → dense k (softmax)
 *   downstream (smaller): conv 3×3 × F (ReLU, 'same') → maxpool 2 → conv 3×3 × F/2 (ReLU) → maxpool 2 → dense 2 (softmax)
 * Algorithm 1 (transfer): the downstream first conv layer inherits a random α-fraction of the upstream's
 * trained first-layer filters (kernel and bias, same positions), the rest is freshly initialised; every
 * weight is then trained on the target. Algorithm 2 (scratch): the same downstream network with the same
 * fresh initialisation and no inherited filters. Both arms see the same target data (paired).
 * Training: Adam (learning rate lr, default 0.01), full batch, fixed epochs; seeded Glorot initialisers (tfSeed).
 * Target noise: Gaussian pixel noise N(0, σ_p,2²) added to the target images, training and test alike.
 */
export interface Table1Cell {
  accTransfer: number;
  accScratch: number;
  backend: string;
  classes: { target: number[]; source: number[] };
}

export interface Table1Params {
  k: number;
  n2PerClass: number;
  ratio: number;
  alpha: number;
  noise2: number;
  filters: number;
  epochsUp: number;
  epochsDown: number;
  lr: number;
  testPerClass: number;
}

export function table1Params(p: Params): Table1Params {
  return {
    k: p.k!,
    n2PerClass: p.n2PerClass!,
    ratio: p.ratio!,
    alpha: p.alpha!,
    noise2: p.noise2!,
    filters: p.filters!,
    epochsUp: p.epochsUp!,
    epochsDown: p.epochsDown!,
    lr: p.lr!,
    testPerClass: p.testPerClass!,
  };
}

export async function runTable1Cell(p: Table1Params, seed: number, replicate: number): Promise<Table1Cell> {
  const { ensureTf, tf } = await import('../../../../sim/tf/backend.ts');
  await ensureTf();
  // tfjs-backend-wasm 4.22 registers no Conv2DBackpropFilter kernel: train on the cpu backend (float32)
  // when wasm is active, and restore the previous backend afterwards.
  const previous = tf.getBackend();
  if (previous === 'wasm') await tf.setBackend('cpu');
  try {
    return await cell(tf, p, seed, replicate);
  } finally {
    if (previous === 'wasm') await tf.setBackend('wasm');
  }
}

type Tf = typeof import('@tensorflow/tfjs');

async function cell(tf: Tf, p: Table1Params, seed: number, replicate: number): Promise<Table1Cell> {
  const rng = Stream.forReplicate(seed, replicate);
  const cls = drawClasses(rng, p.k);
  // Source: N_1 = ratio · N_2 images spread evenly over the k source classes.
  const n2 = 2 * p.n2PerClass;
  const perSource = Math.max(1, Math.round((p.ratio * n2) / p.k));
  const src = sampleTask(rng, cls.source, perSource, 'train');
  const tgt = sampleTask(rng, cls.target, p.n2PerClass, 'train', { noise: p.noise2 });
  const test = sampleTask(rng, cls.target, p.testPerClass, 'test', { noise: p.noise2 });
  const F = p.filters;
  const s = (label: string) => tfSeed(Stream.childSeed(seed, label, replicate));
  const side = tgt.side;

  const toX = (d: LabelledImages) => tf.tensor4d(d.x, [d.n, side, side, 1]);
  const toY = (d: LabelledImages, classes: number) => tf.oneHot(tf.tensor1d(d.y, 'int32'), classes);

  const conv = (filters: number, name: string, seedLabel: string, first: boolean) =>
    tf.layers.conv2d({
      filters,
      kernelSize: 3,
      padding: 'same',
      activation: 'relu',
      name,
      kernelInitializer: tf.initializers.glorotUniform({ seed: s(seedLabel) }),
      ...(first ? { inputShape: [side, side, 1] } : {}),
    });

  const up = tf.sequential();
  up.add(conv(F, 'up_conv1', 'up-conv1', true));
  up.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  up.add(conv(2 * F, 'up_conv2', 'up-conv2', false));
  up.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  up.add(tf.layers.flatten());
  up.add(tf.layers.dense({ units: 32, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: s('up-dense1') }) }));
  up.add(tf.layers.dense({ units: p.k, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: s('up-dense2') }) }));
  up.compile({ optimizer: tf.train.adam(p.lr), loss: 'categoricalCrossentropy' });
  const xs = toX(src);
  const ys = toY(src, p.k);
  await up.fit(xs, ys, { epochs: p.epochsUp, batchSize: src.n, shuffle: false, verbose: 0 });
  const [upKernel, upBias] = up.getLayer('up_conv1').getWeights() as [import('@tensorflow/tfjs').Tensor, import('@tensorflow/tfjs').Tensor];
  const upK = (await upKernel.data()) as Float32Array;
  const upB = (await upBias.data()) as Float32Array;

  const inherited = new Set<number>();
  const nInherit = Math.round(p.alpha * F);
  const order = Array.from({ length: F }, (_, i) => i);
  for (let i = 0; i < nInherit; i++) {
    const j = i + rng.int(F - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
    inherited.add(order[i]!);
  }

  const buildDown = () => {
    const m = tf.sequential();
    m.add(conv(F, 'down_conv1', 'down-conv1', true));
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(conv(Math.max(1, F / 2), 'down_conv2', 'down-conv2', false));
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.flatten());
    m.add(tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: s('down-dense') }) }));
    m.compile({ optimizer: tf.train.adam(p.lr), loss: 'categoricalCrossentropy' });
    return m;
  };
  const xt = toX(tgt);
  const yt = toY(tgt, 2);
  const xe = toX(test);
  const accuracy = async (m: import('@tensorflow/tfjs').Sequential) => {
    const pred = m.predict(xe) as import('@tensorflow/tfjs').Tensor;
    const lab = (await pred.argMax(1).data()) as Int32Array;
    pred.dispose();
    let ok = 0;
    for (let i = 0; i < test.n; i++) if (lab[i] === test.y[i]) ok++;
    return ok / test.n;
  };

  const scratch = buildDown();
  await scratch.fit(xt, yt, { epochs: p.epochsDown, batchSize: tgt.n, shuffle: false, verbose: 0 });
  const accScratch = await accuracy(scratch);

  const transfer = buildDown();
  const [k0, b0] = transfer.getLayer('down_conv1').getWeights() as [import('@tensorflow/tfjs').Tensor, import('@tensorflow/tfjs').Tensor];
  const K = Float32Array.from((await k0.data()) as Float32Array);
  const B = Float32Array.from((await b0.data()) as Float32Array);
  // kernel layout [3, 3, 1, F]: filter j occupies every F-th entry from j.
  for (const j of inherited) {
    for (let q = 0; q < 9; q++) K[q * F + j] = upK[q * F + j]!;
    B[j] = upB[j]!;
  }
  transfer.getLayer('down_conv1').setWeights([tf.tensor4d(K, [3, 3, 1, F]), tf.tensor1d(B)]);
  await transfer.fit(xt, yt, { epochs: p.epochsDown, batchSize: tgt.n, shuffle: false, verbose: 0 });
  const accTransfer = await accuracy(transfer);

  for (const t of [xs, ys, xt, yt, xe]) t.dispose();
  up.dispose();
  scratch.dispose();
  transfer.dispose();
  return { accTransfer, accScratch, backend: tf.getBackend() === 'tensorflow' ? 'tfjs-node' : tf.getBackend(), classes: { target: cls.target, source: cls.source } };
}
