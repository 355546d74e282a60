import fc from 'fast-check';

/** A regime: a record of parameter arbitraries (fast-check's `record`), e.g. `regime({ d: int(2, 12), seed: simSeed })`. */
export function regime<R extends Record<string, fc.Arbitrary<unknown>>>(shape: R): fc.Arbitrary<{ [K in keyof R]: R[K] extends fc.Arbitrary<infer U> ? U : never }> {
  return fc.record(shape) as fc.Arbitrary<{ [K in keyof R]: R[K] extends fc.Arbitrary<infer U> ? U : never }>;
}
