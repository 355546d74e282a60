#!/usr/bin/env bash
# The outsider check (issue 13 items 5–6): the package as someone else gets it. `npm pack` (its prepare
# script builds dist/), then, in fresh temporary projects outside this clone:
#   1. a plain JavaScript project (package.json with "type": "module" only; no TypeScript, no tsx)
#      installs the tarball from the registry's dependencies and uses the library, the `ttc` command,
#      the ptransfer worker threads and the report's worker processes, all from the compiled package;
#   2. a TypeScript project type-checks a consumer file against the published .d.ts.
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
node -e "
  const r = JSON.parse(require('node:fs').readFileSync('kou-report/report.json', 'utf8'));
  const s = r.summary;
  if (!s.ok || s.checks !== s.byVerdict.conforms + s.byVerdict.deviates || !r.records.length) { console.error('unexpected verdicts:', JSON.stringify(s)); process.exit(1); }
  console.log('report: ' + s.checks + ' checks, ' + JSON.stringify(s.byVerdict) + ', package ' + r.meta.packageVersion);
" || fail "report verdicts"

# ---------------------------------------------------------------------------------------------------
# TODO(issue 13 item 6, later step): write a small paper in "$work/js" through the public API only
# (definePaper / defineClaim / defineSimulation / defineCheck), run `npx ttc check` and `npx ttc report`
# on it and assert the verdicts; then plant a typo in its formula and assert a `mismatch` whose replay
# token reproduces it (`npx ttc replay <token>` exits 1).
# ---------------------------------------------------------------------------------------------------

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

step "all outsider checks passed"
