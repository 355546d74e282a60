import type { CheckSpec } from '../check.ts';
export const fateChecks: CheckSpec[] = [];
