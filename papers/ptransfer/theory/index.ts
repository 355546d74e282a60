import type { Claim } from '../../../theory/claim.ts';
import { ptransferClaimList } from './claims.ts';

/** Yuan et al. (paper 'ptransfer'); its baseline Kou et al. is papers/kou. */
export const ptransferClaims: Claim[] = ptransferClaimList;
export { condition41Transfer, condition41Kou, checkCondition41, DEFAULT_COND41 } from './condition41.ts';
