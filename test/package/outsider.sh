#!/usr/bin/env bash
# The outsider check (issue 13 items 5–6): the package as someone else gets it. `npm pack` (its prepare
# script builds dist/), then, in fresh temporary projects outside this clone:
#   1. a plain JavaScript project (package.json with "type": "module" only; no TypeScript, no tsx)
#      installs the tarball from the registry's dependencies and uses the library, the `ttc` command,
#      the ptransfer worker threads and the report's worker processes, all from the compiled package;
#      then writes papers of its own (`ttc init` and one by hand, public API only), checks and reports
#      them, runs the scaffold's vitest file, and plants a typo that must be a replayable mismatch;
#   2. a TypeScript project type-checks a consumer file and the `ttc init --ts` scaffold against the
#      published .d.ts.
# Exits non-zero on the first failure. Needs the npm registry. Run: bash test/package/outsider.sh
# TTC_OUTSIDER_KEEP=1 keeps the temporary directory for inspection.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ttc-outsider.XXXXXX")
if [ "${TTC_OUTSIDER_KEEP:-}" = 1 ]; then echo "outsider: keeping $work"; else trap 'rm -rf "$work"' EXIT; fi
step() { printf '\n== outsider: %s\n' "$*"; }
fail() { echo "outsider: FAILED: $*" >&2; exit 1; }
# Quiet, reproducible installs; the optional native tfjs-node is left out (the package falls back to the
# tfjs wasm backend; its binary download is tfjs's business, not this package's).
npm_install() { npm install --no-audit --no-fund --loglevel=error --omit=optional "$@"; }

step "npm pack (prepare builds dist/)"
(cd "$repo" && npm pack --pack-destination "$work" >"$work/pack.log" 2>&1) || { cat "$work/pack.log" >&2; fail "npm pack"; }
tarball=$(ls "$work"/transfer-theory-checker-*.tgz)
tar -tzf "$tarball" >"$work/contents.txt"
grep -q '^package/dist/index.js$' "$work/contents.txt" || fail "dist/index.js missing from the tarball"
grep -q '^package/dist/index.d.ts$' "$work/contents.txt" || fail "dist/index.d.ts missing from the tarball"
grep -q '^package/dist/cli/bin.js$' "$work/contents.txt" || fail "dist/cli/bin.js missing from the tarball"
grep -q '^package/dist/reports/worker.js$' "$work/contents.txt" || fail "dist/reports/worker.js missing from the tarball"
grep -q '^package/reports/schema.json$' "$work/contents.txt" || fail "reports/schema.json missing from the tarball"
if grep -E '\.test\.(ts|js)$|^package/(core|theory|sim|properties|papers|cli|fixtures|bench)/' "$work/contents.txt"; then fail "sources or tests in the tarball"; fi
echo "$(wc -l <"$work/contents.txt") files, $(du -k "$tarball" | cut -f1) kB"

step "plain JavaScript project: npm install <tarball>"
mkdir "$work/js"
cd "$work/js"
printf '{\n  "name": "ttc-outsider",\n  "private": true,\n  "type": "module"\n}\n' >package.json
npm_install "$tarball"
[ ! -e node_modules/tsx ] || fail "tsx was installed: it must be a devDependency only"
[ ! -e node_modules/typescript ] || fail "typescript was installed: it must be a devDependency only"

step "import('transfer-theory-checker')"
node -e "import('transfer-theory-checker').then(m => { if (typeof m.listClaims !== 'function') process.exit(1) })" || fail "import"
node -e "import('transfer-theory-checker').then(m => { const c = m.listClaims('kou'); if (!c.length || c[0].paper !== 'kou') process.exit(1); console.log(c.length + ' kou claim(s): ' + c.map(x => x.id).join(', ')) })" || fail "listClaims('kou')"
node -e "import('transfer-theory-checker/reports/schema.json', { with: { type: 'json' } }).then(m => { if (!m.default.\$schema && !m.default.type) process.exit(1) })" || fail "reports/schema.json export"

step "npx ttc --help"
npx --no-install ttc --help >help.txt || fail "ttc --help"
grep -q '^usage: ttc' help.txt || fail "ttc --help printed no usage"
start=$(date +%s%N)
node node_modules/transfer-theory-checker/dist/cli/bin.js --help >/dev/null
echo "ttc --help: $(( ($(date +%s%N) - start) / 1000000 )) ms without npx's own start (one run; the median: npm run bench -- startup)"

step "npx ttc list --paper kou"
npx --no-install ttc list --paper kou | tee list.txt
grep -q '^kou\.thm' list.txt || fail "ttc list --paper kou does not list kou.thm"

step "ptransfer worker threads from the compiled package"
node "$here/workers.mjs" "$work/js/node_modules/transfer-theory-checker/dist" || fail "worker threads"

step "npx ttc report --paper kou --budget quick --jobs 2 (worker processes from the compiled package)"
npx --no-install ttc report --paper kou --budget quick --jobs 2 --quiet --out "$work/js/kou-report" || fail "ttc report"
for f in index.html report.md report.json junit.xml; do [ -s "kou-report/$f" ] || fail "report: $f missing"; done
node --input-type=module -e "
  import { readFileSync } from 'node:fs';
  import { allPapers } from 'transfer-theory-checker';
  const r = JSON.parse(readFileSync('kou-report/report.json', 'utf8'));
  const s = r.summary;
  // The built-in verdicts are the gate's business; here: the compiled package ran every kou check its registry lists
  // (counted from the package itself, so adding a check does not break this test) to a verdict, none a mismatch.
  const expected = allPapers().find((p) => p.id === 'kou').checks.length;
  if (!s.ok || s.byVerdict.mismatch !== 0 || s.checks !== expected || !r.records.length) { console.error('unexpected verdicts (expected', expected, 'checks):', JSON.stringify(s)); process.exit(1); }
  console.log('report: ' + s.checks + ' checks, ' + JSON.stringify(s.byVerdict) + ', package ' + r.meta.packageVersion);
" || fail "report verdicts"

# ---------------------------------------------------------------------------------------------------
# Issue 13 item 6: an outsider's own papers, through the public API only (plain JavaScript).
#  a. `ttc init ols` scaffolds the least-squares paper (claim, simulation, check, vitest file, config);
#  b. a second paper written here by hand: E max(U_1, …, U_n) = n/(n + 1) for n uniforms;
#  c. `ttc check` and `ttc report` on both (built-in papers left out by the config) conform;
#  d. the scaffold's vitest file passes (`npx vitest run`, vitest installed as the user would);
#  e. a typo planted in the OLS formula, σ²d/(n − d) for σ²d/(n − d − 1), is a `mismatch` whose replay
#     token reproduces it (`ttc replay` exits 1 with the same verdict).
# ---------------------------------------------------------------------------------------------------
step "ttc init ols (a paper of one's own, scaffolded)"
npx --no-install ttc init ols | tee init.txt || fail "ttc init ols"
for f in claim simulation check paper paper.test; do [ -s "papers/ols/$f.js" ] || fail "ttc init: papers/ols/$f.js missing"; done
grep -q "papers: \['./papers/ols/paper.js'\]" ttc.config.mjs || fail "ttc init: ttc.config.mjs does not list the paper"

step "a second paper by hand, through the public API only"
mkdir -p papers/order
cat >papers/order/paper.js <<'JS'
// @ts-check
import { defineCheck, defineClaim, definePaper, defineSimulation, estimate, int, measurement, regime, simSeed, Stream } from 'transfer-theory-checker';

const params = [{ name: 'n', symbol: 'n', description: 'number of uniforms', domain: { min: 1, integer: true } }];

/** The largest of n independent U(0, 1) has mean n/(n + 1) (its law is Beta(n, 1)). */
export const maxMean = defineClaim({
  id: 'order.max-mean',
  paper: 'order',
  title: 'Mean of the maximum of n uniforms',
  source: { paper: 'order', ref: 'Beta(n, 1) mean', statement: 'E max(U_1, …, U_n) = n/(n + 1)', provenance: 'printed' },
  params,
  hypotheses: [{ id: 'n≥1', text: 'n ≥ 1', holds: (p) => p.n >= 1 }],
  regime: { kind: 'exact' },
  predict: (p) => ({ quantity: 'E max U_i', kind: 'value', value: p.n / (p.n + 1) }),
});

export const maxSim = defineSimulation({
  id: 'order.max',
  paper: 'order',
  title: 'Maximum of n uniforms',
  quantity: 'max(U_1, …, U_n)',
  params,
  defaultDraws: 1000,
  run(p, { seed, draws }) {
    const values = Stream.replicates(seed, draws).map((s) => {
      let m = 0;
      for (let i = 0; i < p.n; i++) m = Math.max(m, s.uniform());
      return m;
    });
    return measurement({ simId: 'order.max', quantity: 'max U_i', values, seed, params: p });
  },
});

export const maxEqual = defineCheck({
  id: 'order.max-mean/equal',
  claim: maxMean,
  simulations: [maxSim],
  title: 'Simulated mean of the maximum equals n/(n + 1)',
  arbitrary: regime({ n: int(2, 20), seed: simSeed }),
  runs: { test: 4, quick: 4, full: 10 },
  compare: 'equal',
  level: 0.001,
  // n/(n + 2) for n/(n + 1) is off by 1/(n + 2) ≥ 4.5 % for n ≤ 20; the per-draw relative sd is ≤ 0.36,
  // so 8000 draws give power ≥ 0.8 against 2 % at 0.001/4.
  detect: { rel: 0.02, reason: '2 % of the predicted mean: an off-by-one in the denominator moves it by ≥ 4.5 % for n ≤ 20' },
  params: (v) => ({ n: v.n }),
  evaluate(v) {
    const prediction = maxMean.predict({ n: v.n });
    return { prediction, target: /** @type {number} */ (prediction.value), statistic: `E max U_i at n = ${v.n}` };
  },
  async measure(v) {
    return estimate((await maxSim.run({ n: v.n }, { seed: v.seed, draws: 8000 })).values);
  },
});

export default definePaper({
  id: 'order',
  title: 'Order statistics of uniforms',
  source: { authors: 'classical', title: 'Beta distribution of uniform order statistics' },
  claims: [maxMean],
  simulations: [maxSim],
  checks: [maxEqual],
});
JS
printf "export default {\n  papers: ['./papers/ols/paper.js', './papers/order/paper.js'],\n  builtin: false,\n};\n" >ttc.config.mjs

step "npx ttc list / check on the outsider's papers"
npx --no-install ttc list | tee own-list.txt || fail "ttc list (own papers)"
grep -q '^ols\.ols-risk ' own-list.txt && grep -q '^order\.max-mean ' own-list.txt || fail "ttc list does not show the outsider's claims"
if grep -q '^fate\.' own-list.txt; then fail "builtin: false, yet ttc list shows the built-in papers"; fi
npx --no-install ttc check | tee own-check.txt || fail "ttc check on the outsider's papers (exit $?)"
grep -q 'ols\.ols-risk/equal  conforms' own-check.txt || fail "ols.ols-risk/equal does not conform"
grep -q 'order\.max-mean/equal  conforms' own-check.txt || fail "order.max-mean/equal does not conform"
grep -q '^2 checks: 2 conform' own-check.txt || fail "ttc check: not 2 conforming checks"

step "npx ttc report on the outsider's papers"
npx --no-install ttc report --quiet --out "$work/js/own-report" || fail "ttc report (own papers)"
for f in index.html report.md report.json junit.xml; do [ -s "own-report/$f" ] || fail "own report: $f missing"; done
node -e "
  const r = JSON.parse(require('node:fs').readFileSync('own-report/report.json', 'utf8'));
  const v = Object.fromEntries(r.checks.map((c) => [c.checkId, c.verdict]));
  if (!r.summary.ok || r.summary.checks !== 2 || v['ols.ols-risk/equal'] !== 'conforms' || v['order.max-mean/equal'] !== 'conforms') { console.error('unexpected verdicts:', JSON.stringify(v), JSON.stringify(r.summary)); process.exit(1); }
  console.log('own report: ' + JSON.stringify(v));
" || fail "own report verdicts"

step "npx vitest run (the scaffold's test, with vitest installed as a user would)"
# vitest's bundler binding is an optional dependency, so this install keeps optional dependencies; with
# --ignore-scripts the package's optional tfjs-node stays without its native download (it is not loaded:
# the package falls back to the wasm backend, and no later step here uses tfjs).
npm install --no-audit --no-fund --loglevel=error --ignore-scripts -D vitest
npx --no-install vitest run papers/ols 2>&1 | tee vitest.txt || fail "vitest on the scaffold's test"

step "a typo in the formula: σ²d/(n − d) for σ²d/(n − d − 1) is a mismatch, and its token replays it"
grep -q '(sigma \*\* 2 \* d) / (n - d - 1)' papers/ols/claim.js || fail "the scaffold's formula is not where the typo goes"
sed -i.orig 's|(sigma \*\* 2 \* d) / (n - d - 1)|(sigma ** 2 * d) / (n - d)|' papers/ols/claim.js
rc=0; npx --no-install ttc check --claim ols.ols-risk >typo.txt 2>&1 || rc=$?
cat typo.txt
[ "$rc" = 1 ] || fail "ttc check with the typo exited $rc, not 1"
grep -q 'ols\.ols-risk/equal  mismatch' typo.txt || fail "the typo is not a mismatch"
token=$(grep -oE 'npx ttc replay [A-Za-z0-9_-]+' typo.txt | head -1 | awk '{print $4}')
[ -n "$token" ] || fail "no replay token printed with the mismatch"
rc=0; npx --no-install ttc replay "$token" >replay.txt 2>&1 || rc=$?
cat replay.txt
[ "$rc" = 1 ] || fail "ttc replay $token exited $rc, not 1"
grep -q 'ols\.ols-risk/equal  mismatch' replay.txt || fail "the replay does not reproduce the mismatch"
mv papers/ols/claim.js.orig papers/ols/claim.js

step "TypeScript consumer: tsc --noEmit against the published types"
mkdir "$work/ts"
cd "$work/ts"
printf '{\n  "name": "ttc-outsider-ts",\n  "private": true,\n  "type": "module"\n}\n' >package.json
npm_install "$tarball" typescript@~5.9 @types/node@20
cat >consumer.ts <<'TS'
import { InputError, evaluate, listClaims, type ClaimInfo, type Evaluation, type Measurement, type Regime } from 'transfer-theory-checker';

const claims: ClaimInfo[] = listClaims('kou');
const first: ClaimInfo | undefined = claims[0];
const regime: Regime | undefined = first?.regime;
export function predictionAt(id: string, params: Record<string, number>): Evaluation | string {
  try {
    return evaluate(id, params);
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
}
export function mean(m: Measurement): number {
  // @ts-expect-error: the types resolve (were Measurement `any`, this line would be an unused directive)
  m.notAField;
  return m.mean;
}
export { regime };
TS
cat >tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "noEmit": true,
    "skipLibCheck": false,
    "types": ["node"]
  },
  "files": ["consumer.ts"]
}
JSON
npx --no-install tsc --noEmit -p tsconfig.json || fail "tsc (NodeNext) on the consumer"
npx --no-install tsc --noEmit -p tsconfig.json --module ESNext --moduleResolution Bundler || fail "tsc (Bundler) on the consumer"

step "ttc init --ts: the TypeScript scaffold type-checks against the published types (noUncheckedIndexedAccess too)"
npx --no-install ttc init tsols --ts >/dev/null || fail "ttc init --ts"
npx --no-install tsc --noEmit --strict --noUncheckedIndexedAccess --target ES2022 --module NodeNext --moduleResolution NodeNext \
  --allowImportingTsExtensions --skipLibCheck false --types node papers/tsols/*.ts || fail "tsc on the ttc init --ts scaffold"

step "all outsider checks passed"
