/** The shape of a corpus entry (see mutants/corpus.ts for the rules). */
export type PaperId = 'fate' | 'ptransfer' | 'kou' | 'uowq' | 'universality';

interface MutantBase {
  /** Unique, kebab-case: '<paper>-<where>-<what>'. */
  id: string;
  paper: PaperId;
  /** Repository-relative path of the file the edit applies to. */
  file: string;
  /** Exact snippet; must occur exactly once in `file`. */
  find: string;
  replace: string;
  /** One line, as the paper (or our formalisation) would have printed it, or what the bug is. */
  description: string;
}

export interface PaperTypo extends MutantBase {
  kind: 'paper-typo';
  /** Claim ids whose `ttc check --claim` must report a mismatch. */
  claims: string[];
}

export interface SimBug extends MutantBase {
  kind: 'sim-bug';
  /** Test files (repository-relative) whose cross-checks must fail. */
  tests: string[];
}

export type Mutant = PaperTypo | SimBug;
