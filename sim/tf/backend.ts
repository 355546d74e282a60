import * as tf from '@tensorflow/tfjs';

/**
 * The one place the TensorFlow.js backend is chosen. Preference: tfjs-node (native, an optional
 * dependency: used when importable) → wasm (`@tensorflow/tfjs-backend-wasm`, works in Node here) → cpu.
 * Every caller awaits `ensureTf()` and reports `activeBackend()` in its method notes.
 *
 * Note: tfjs computes in float32 whatever the backend; the float64 reference is the exact fast path
 * (sim/ptransfer/fast.ts).
 */
export type TfBackendName = 'tensorflow' | 'wasm' | 'cpu';

let ready: Promise<TfBackendName> | null = null;
let settled: TfBackendName | null = null;

async function tryNode(): Promise<boolean> {
  if (process.env.TTC_TF_BACKEND && process.env.TTC_TF_BACKEND !== 'tensorflow') return false;
  try {
    const name = '@tensorflow/tfjs-node';
    await import(/* @vite-ignore */ name);
    return tf.findBackend('tensorflow') !== null && (await tf.setBackend('tensorflow'));
  } catch {
    return false;
  }
}

async function tryWasm(): Promise<boolean> {
  if (process.env.TTC_TF_BACKEND && process.env.TTC_TF_BACKEND !== 'wasm') return false;
  try {
    await import('@tensorflow/tfjs-backend-wasm');
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

/** Selects (once) and returns the active backend. `TTC_TF_BACKEND=cpu|wasm|tensorflow` forces one. */
export function ensureTf(): Promise<TfBackendName> {
  ready ??= (async () => {
    if (await tryNode()) return 'tensorflow';
    if (await tryWasm()) return 'wasm';
    await tf.setBackend('cpu');
    return 'cpu';
  })().then(async (name) => {
    await tf.ready();
    settled = name;
    return name;
  });
  return ready;
}

/** The backend chosen by a completed `ensureTf()`, or null before: lets synchronous code use tfjs safely. */
export function readyBackend(): TfBackendName | null {
  return settled;
}

/** The backend in use, as a label for reports: 'tfjs-node', 'wasm' or 'cpu' (null before ensureTf). */
export function activeBackend(): 'tfjs-node' | 'wasm' | 'cpu' | null {
  const b = tf.getBackend();
  if (!b) return null;
  return b === 'tensorflow' ? 'tfjs-node' : b === 'wasm' ? 'wasm' : 'cpu';
}

export { tf };
