import type { SimSpec } from '../sim.ts';
export const fateSims: SimSpec[] = [];
