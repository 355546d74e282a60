import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { ensureTf } from '../../../../sim/tf/backend.ts';
import { gaussianInputs, mse, outputs, reluFeatures, unitRows } from './teacher.ts';
import { reluOutputs32 } from './outputs32.ts';

describe('test outputs with a float32 GEMM and the wasm neuron sum (outputs32.ts)', () => {
  it('equal the float64 outputs(reluFeatures(…)) to float32 rounding, and so the risk', async () => {
    await ensureTf();
    const s = Stream.fromSeed(4);
    const d = 30;
    const m = 200;
    const T = 3001;
    const X = gaussianInputs(s, T, d);
    const W = unitRows(s, m, d);
    const c = s.normals(m);
    const y = s.normals(T).map((v) => 0.1 * v);
    for (const scale of [1, 1 / m]) {
      const a = outputs(reluFeatures(X, T, d, W), T, c, scale);
      const b = reluOutputs32(X, T, d, W, c, scale);
      let worst = 0;
      let norm = 0;
      for (let q = 0; q < T; q++) {
        worst = Math.max(worst, Math.abs(a[q]! - b[q]!));
        norm = Math.max(norm, Math.abs(a[q]!));
      }
      // float32 pre-activations: |Δh| ≲ 1e-7·|h| ⇒ |Δf| ≲ 1e-6·Σ|c_i h_i|·scale; a wrong neuron or sample is O(norm).
      expect(worst).toBeLessThan(1e-5 * norm);
      expect(worst).toBeGreaterThan(0); // it is the float32 path, not the float64 one
      expect(Math.abs(mse(b, y) - mse(a, y)) / mse(a, y)).toBeLessThan(1e-5);
    }
  });
});
