import type { Paper } from './define.ts';
import { fate } from './fate/paper.ts';
import { ptransfer } from './ptransfer/paper.ts';
import { kou } from './kou/paper.ts';
import { uowq } from './uowq/paper.ts';
import { universality } from './universality/paper.ts';

/** The built-in papers. A new paper is one folder plus one line here. */
export const BUILTIN_PAPERS: readonly Paper[] = [fate, ptransfer, kou, uowq, universality];
