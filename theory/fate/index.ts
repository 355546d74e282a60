import type { Claim } from '../claim.ts';
export const fateClaims: Claim[] = [];
