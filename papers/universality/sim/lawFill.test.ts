import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { LAWS, drawDesign, lawEntry } from './core.ts';
import { chi2Entry, mapLaw, uniformEntry } from './lawFill.ts';
import { spectrumOf } from '../theory/params.ts';

describe('lawFill: lawEntry for whole designs, bit for bit', () => {
  it('chi2Entry and uniformEntry equal lawEntry on normals, the tails, ±0 and the quantile branch edges', () => {
    const s = Stream.fromSeed(41);
    const gs = [0, -0, 1e-300, -1e-300, 0.5, -0.5, 1.97, -1.97, 2, -2, 5, -5, 8.2, -8.2, 12, -12, 38, -38, 40, -40];
    for (let i = 0; i < 50_000; i++) gs.push(s.normal() * (i % 10 === 0 ? 4 : 1));
    // toEqual tells +0 from −0 (Object.is per element)
    expect(gs.map(chi2Entry)).toEqual(gs.map((g) => lawEntry('chi2', g)));
    expect(gs.map(uniformEntry)).toEqual(gs.map((g) => lawEntry('uniform', g)));
  });

  it('drawDesign (mapLaw) equals the per-entry loop sd[i mod d]·lawEntry(law, normal) for every law and spectrum', () => {
    for (const law of LAWS)
      for (const kind of [0, 1, 2]) {
        const spectrum = spectrumOf(kind, 37, 0.2, 9);
        const sd = Float64Array.from(spectrum, Math.sqrt);
        const a = Stream.fromSeed(5);
        const ref = new Float64Array(23 * 37);
        for (let i = 0; i < ref.length; i++) ref[i] = sd[i % 37]! * lawEntry(law, a.normal());
        const X = drawDesign(Stream.fromSeed(5), law, 23, spectrum);
        expect(Array.from(X), `${law}, spectrum ${kind}`).toEqual(Array.from(ref));
      }
  });

  it('mapLaw without sd is lawEntry alone', () => {
    const s = Stream.fromSeed(9);
    const g = s.normals(500);
    for (const law of LAWS) expect(Array.from(mapLaw(law, Float64Array.from(g)))).toEqual(Array.from(g, (x) => lawEntry(law, x)));
  });
});
