import type { CheckSpec } from '../../../properties/check.ts';
import { thm42AlphaWeight } from './alphaWeight.ts';
import { fig1Checks } from './fig1.ts';
import { fig2Checks } from './fig2.ts';
import { negativeChecks } from './negative.ts';
import { prop44Checks } from './prop4_4.ts';
import { noiseSweep, transferHelps } from './table1.ts';
import { thm42Checks } from './thm4_2.ts';
import { thm43Checks } from './thm4_3.ts';

/** Checks of Yuan et al. (its baseline Kou et al. is papers/kou/checks). */
export const ptransferChecks: CheckSpec[] = [...thm42Checks, thm42AlphaWeight, ...thm43Checks, ...prop44Checks, ...negativeChecks, ...fig1Checks, ...fig2Checks, transferHelps, noiseSweep];
