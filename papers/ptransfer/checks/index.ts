import type { CheckSpec } from '../../../properties/check.ts';
import { allPtransferChecks } from './checks.ts';

/** Checks of Yuan et al. (ptransfer.*) and of its baseline Kou et al. (kou.*). */
export const ptransferChecks: CheckSpec[] = allPtransferChecks;
