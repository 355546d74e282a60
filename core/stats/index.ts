export * from './distributions.ts';
export * from './summary.ts';
export * from './compare.ts';
export * from './holm.ts';
export * from './sequential.ts';
export * from './power.ts';
