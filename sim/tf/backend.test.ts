import { expect, it } from 'vitest';
import { activeBackend, ensureTf, tf } from './backend.ts';

it('selects a backend (tfjs-node when importable, else wasm, else cpu) and reports it', async () => {
  const name = await ensureTf();
  expect(['tensorflow', 'wasm', 'cpu']).toContain(name);
  expect(activeBackend()).toBe(name === 'tensorflow' ? 'tfjs-node' : name);
  const s = tf.tidy(() => tf.sum(tf.tensor1d([1, 2, 3])).dataSync()[0]);
  expect(s).toBe(6);
  console.log(`tfjs backend: ${activeBackend()}`);
});
