/**
 * The mutant corpus (issue 11, item 5): planted paper typos and planted simulation bugs.
 *
 * A paper typo changes a claim's formula as if the paper had printed it that way (for uowq and
 * universality, whose papers we only know from their abstracts, a formula of our formalisation). It must
 * make `ttc check --claim <claim>` at the gate budget report a `mismatch`. A simulation bug is a realistic
 * coding error in a simulation; the cross-checks (the listed test files) must fail.
 *
 * Rules for the corpus (see mutants/README.md):
 *  - written BEFORE any check is added to catch an entry; survivors are reported, not patched away here;
 *  - realistic size: a factor, an exponent, an off-by-one, a swapped end point, a sign, a missing
 *    projection — not tenfold errors;
 *  - `find` must occur exactly once in `file` (else the harness marks the entry `stale`: the file changed
 *    under it and the entry must be re-read against the new text).
 */

import { fate, fateSimBugs } from './corpus/fate.ts';
import { kou } from './corpus/kou.ts';
import { ptransfer } from './corpus/ptransfer.ts';
import { simBugs } from './corpus/simBugs.ts';
import type { Mutant, PaperTypo } from './corpus/types.ts';
import { universality } from './corpus/universality.ts';
import { uowq } from './corpus/uowq.ts';

export type { Mutant, PaperId, PaperTypo, SimBug } from './corpus/types.ts';

/** One file per paper (mutants/corpus/<paper>.ts) and one for the simulation bugs. */
export const paperTypos: PaperTypo[] = [...fate, ...ptransfer, ...kou, ...uowq, ...universality];
/** The shared list, plus bugs written beside a paper's typos (e.g. fate's exact-law sampling off-by-one). */
export const allSimBugs = [...simBugs, ...fateSimBugs];
export { simBugs };
export const corpus: Mutant[] = [...paperTypos, ...allSimBugs];
