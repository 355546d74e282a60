/**
 * Did-you-mean hints for mistyped commands, options, ids and values. The edit distance is written here
 * (a dozen lines) because none of the kept dependencies offers one, and one hint is not worth a new
 * dependency.
 */
/** Edits (insert, delete, substitute, swap two neighbours) from a to b: 'eq31' is one edit from 'eq13'. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidates nearest to `word` (at most three, tied at the smallest distance), if any is near enough. */
export function nearest(word: string, candidates: Iterable<string>): string[] {
  const w = word.toLowerCase();
  // Up to a third of the word may be wrong (one edit for short words): 'papr' → paper, 'fate.thm39' → fate.thm3.9.
  const limit = Math.max(1, Math.floor(w.length / 3));
  let best = Infinity;
  let out: string[] = [];
  for (const c of new Set(candidates)) {
    const dist = editDistance(w, c.toLowerCase());
    if (dist > limit || dist > best) continue;
    if (dist < best) [best, out] = [dist, []];
    out.push(c);
  }
  return out.slice(0, 3);
}

/** '; did you mean X?' (with `prefix` before each candidate, e.g. '--'), or '' when nothing is near. */
export function didYouMean(word: string, candidates: Iterable<string>, prefix = ''): string {
  const near = nearest(word, candidates).map((c) => `${prefix}${c}`);
  return near.length ? `; did you mean ${near.join(' or ')}?` : '';
}
