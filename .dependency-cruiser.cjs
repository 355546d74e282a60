// The layers, lowest first: core ← theory ← sim ← properties ← reports ← cli. A paper folder
// (papers/<id>/) holds its own theory/, sim/, checks/ (properties layer) and figures/ + paper.ts
// (reports layer). Imports run one way only; a simulation takes from theory only parameter specs and
// types, never a formula it could be checked against. Tests, benchmarks and fixtures may import any layer.
const L = {
  core: '^core/',
  theory: '^(theory|papers/[^/]+/theory)/',
  sim: '^(sim|papers/[^/]+/sim)/',
  properties: '^(properties|papers/[^/]+/checks)/',
  reports: '^(reports/|papers/[^/]+/figures/|papers/[^/]+/paper\\.ts$|papers/[^/]+\\.ts$)',
  cli: '^(cli/|index\\.ts$)',
};
const above = {
  core: [L.theory, L.sim, L.properties, L.reports, L.cli],
  theory: [L.sim, L.properties, L.reports, L.cli],
  sim: [L.properties, L.reports, L.cli],
  properties: [L.reports, L.cli],
  reports: [L.cli],
};
const production = { pathNot: '(\\.test\\.ts$|^bench/|^fixtures/|^\\.scratch/)' };
module.exports = {
  forbidden: [
    ...Object.entries(above).map(([layer, tos]) => ({
      name: `${layer}-imports-upward`,
      comment: `${layer} may import only from layers below it (core ← theory ← sim ← properties ← reports ← cli)`,
      severity: 'error',
      from: { path: L[layer], ...production },
      to: { path: tos.map((t) => `(${t})`).join('|') },
    })),
    {
      name: 'sim-imports-a-formula',
      comment: 'a simulation takes from theory only parameter specs (params.ts) and types: never a formula it is checked against',
      severity: 'error',
      from: { path: L.sim, ...production },
      to: { path: L.theory, pathNot: '(^theory/claim\\.ts$|[Pp]arams\\.ts$)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: production,
      to: { circular: true },
    },
    {
      name: 'fixtures-out-of-production',
      comment: 'test fixtures are loaded with --paper-module, never imported by production code',
      severity: 'error',
      from: production,
      to: { path: '^fixtures/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^node_modules/|^reports/out/|^\\.scratch/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
