/**
 * `npx tsx scripts/budget-table.ts`: the budget table of every registered check — regimes per budget, level share α_c,
 * declared deviation δ, tolerance, recorded deviation — and the run-wide constants (run level, power target, top-up
 * caps), one line each in a stable order, so that two commits can be diffed (issue 14: speed work may remove or widen
 * nothing). Draws per regime live inside each check's measure(); a report's report.json records them per regime.
 */
import { POWER_TARGET, RUN_LEVEL, TOP_UP_CAP, TOP_UP_DESIGN_POWER, TOP_UP_ROUNDS, INTERIM_SHARE, LATER_LOOK_SHARE, LATER_LOOK_BATCHES, levelOf, CHECK_LEVELS } from '../core/levels.ts';
import { allChecks } from '../papers/registry.ts';

const num = (x: number | undefined) => (x === undefined ? '-' : Number(x.toPrecision(4)).toString());
console.log(`run level ${RUN_LEVEL}; power target ${POWER_TARGET}; top-up caps ${JSON.stringify(TOP_UP_CAP)}, design power ${TOP_UP_DESIGN_POWER}, rounds ${TOP_UP_ROUNDS}, interim share ${INTERIM_SHARE} of α_c (a rejection at the first batch stops the top-up), later looks ${LATER_LOOK_SHARE} each at ${LATER_LOOK_BATCHES.join(', ')} batches`);
console.log(['check', 'runs test/quick/full', 'alpha_c', 'delta abs', 'delta rel', 'tol abs', 'tol rel', 'deviation'].join('\t'));
for (const c of [...allChecks()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
  const l = CHECK_LEVELS[c.id];
  const runs = c.runs as Record<string, number>;
  console.log([c.id, `${runs.test}/${runs.quick}/${runs.full}`, num(levelOf(c.id)), num(l?.detect?.abs), num(l?.detect?.rel), num(l?.tolerance?.abs), num(l?.tolerance?.rel), c.deviation ? c.deviation.kind ?? 'deviation' : '-'].join('\t'));
}
