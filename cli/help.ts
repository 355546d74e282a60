/** Help texts, one per command (`ttc <command> --help`). */
export const HELP: Record<string, string> = {
  '': `ttc — transfer-theory-checker: published transfer-learning theorems against faithful simulations

usage: ttc <command> [options]

commands:
  list      every claim: id, source, regime, parameters
  eval      a claim's prediction at one parameter point
  sim       run a simulation (no id: list them)
  check     run the properties; exit 0 conform/recorded, 1 mismatch, 2 bad input
  replay    re-run one counterexample from its token
  report    write the conformance report (HTML, Markdown, JSON, JUnit)
  init      scaffold a paper of your own (claim, simulation, check, test, config)

examples:
  ttc list --paper fate
  ttc eval fate.eq13 --gamma 0.5 --theta pi/4 --sigma 0.2
  ttc sim fate.scratch --gamma 0.5 --sigma 0.2 --draws 40
  ttc check --paper fate --claim fate.eq13
  ttc report --paper fate --budget quick

Run 'ttc <command> --help' for a command's options; an unknown option is an error (exit 2).
Your papers: ttc reads ttc.config.js / .mjs (.ts with a TypeScript loader) in the working directory,
  export default { papers: ['./papers/ols/paper.js'], builtin: false }   (ttc init writes one).
Global options: --paper-module PATH (load a module of papers: your own, a test fixture),
--config FILE (another config file), --no-builtin (leave out the five built-in papers), -h/--help.
Output fits 100 columns; --wide prints long lines whole, --json everything.`,
  list: `usage: ttc list [--paper P] [--wide] [--json]

Lists every registered claim with its source (theorem/equation), its regime (exact at finite size,
asymptotic with its limit, or a bound with unknown constants), its parameters ([optional] ones in
brackets) and how many checks test it.

options:
  --paper P   only these papers: fate, ptransfer, kou, uowq, universality (repeat or comma-separate)
  --wide      full sources and asymptotic limits (lines longer than 100 columns)
  --json      the full records (statement, domains, hypotheses)`,
  eval: `usage: ttc eval <claim-id> --<param> <value> … [--json] [--wide]

Prints the claim's prediction at one parameter point. Parameter names are the claim's own (ttc list
--json shows them with their domains); for the fate claims: gamma, theta (radians; pi/4 accepted),
sigma (noise standard deviation), lambda, n, d. Any two of n, d, gamma fix the third (gamma = n/d);
asymptotic claims also print their exact finite-size form when two of them are given.
Bad input (not a number, outside a domain, a singular point such as gamma = 1, an unknown parameter)
prints one line and exits 2.

options:
  --<param> V   a parameter of the claim (decimal number; angles also as pi/4, π/3)
  --json        the evaluation as JSON
  --wide        do not wrap long lines at 100 columns

example: ttc eval fate.eq13 --gamma 0.5 --theta 0.785 --sigma 0.2 --d 500`,
  sim: `usage: ttc sim [<sim-id> --<param> <value> … --seed S --draws K] [--json] [--wide]

Without an id, lists the simulations. With one, runs it and prints the measurement: mean, standard
error, number of independent draws (one seeded stream per draw) and paired extra quantities.

options:
  --<param> V   a parameter of the simulation (ttc sim --json lists them with their domains)
  --seed S      integer in [0, 4294967295] (default 1)
  --draws K     independent draws, integer ≥ 1 (default: the simulation's own); with one draw the
                standard error is undefined and printed as n/a (null in --json)
  --json        the measurement as JSON, per-draw values included
  --wide        do not wrap or cut long lines at 100 columns

example: ttc sim fate.transferability-lt.fast --gamma 0.5 --theta pi/4 --sigma 0.2 --draws 20`,
  check: `usage: ttc check [--paper P] [--claim ID] [--seed S] [--runs N] [--budget B] [--shard i/N]
                 [--verbose] [--json] [--wide]

Runs the property-based checks of the selected claims: fast-check draws parameter regimes inside
each claim's hypotheses, simulates them and compares with the prediction at a stated family-wise
false-failure rate (Holm across runs). Verdicts: conforms, deviates (a recorded paper deviation
that still reproduces), mismatch (unexpected), inconclusive (too little power or coverage),
out-of-hypotheses.
Exit status: 0 when everything conforms or deviates as recorded, 1 on a mismatch, 2 on bad input.
Every failure prints a replay token (ttc replay <token>). The default seed is the gate's fixed seed.

options:
  --paper P     only these papers (repeat or comma-separate)
  --claim ID    only these claims or checks (by id; repeat or comma-separate; ttc list shows them)
  --seed S      integer in [0, 4294967295]; default: the gate seed (TTC_SEED overrides)
  --runs N      regimes drawn per check, integer ≥ 1 (default: the check's own for the budget)
  --budget B    test (default), quick or full
  --shard i/N   run the checks of every N-th claim (all checks of a claim stay together)
  --verbose     print every regime: parameters, measurement ± standard error, statistic, p-value
  --json        the results as JSON
  --wide        do not wrap long lines at 100 columns`,
  replay: `usage: ttc replay <token> [--json] [--wide]

Re-runs exactly one regime (or a shrunk counterexample) of a check: the token encodes the check,
the seed, the fast-check path and the budget. Exit status 1 if the replay is an unexpected mismatch.
Tokens of the test fixture (a deliberately broken claim, fixture.broken/*) replay with
--paper-module fixtures/broken.ts (any paper module loads the same way).

options:
  --json   the result as JSON
  --wide   do not wrap long lines at 100 columns`,
  init: `usage: ttc init <paper-id> [--ts] [--force]

Scaffolds papers/<paper-id>/ in the working directory: a claim (the expected excess risk of least
squares with a Gaussian design, σ²d/(n − d − 1), a classical exact result), its seeded simulation,
one check (compare 'equal', a declared deviation with its reason, the level stated), the paper, and
a vitest file (describePaper); then lists the paper in ttc.config.mjs (created, or its papers list
extended). 'npx ttc check' conforms on it as generated. Plain JavaScript with JSDoc types by default
(.mjs when package.json lacks "type": "module").

options:
  --ts      TypeScript files instead (on Node 20 run ttc with NODE_OPTIONS='--import tsx')
  --force   overwrite the generated files if they exist

example: ttc init ols && npx ttc check   (docs/guide.md walks through it)`,
  report: `usage: ttc report [--paper P …] [--claim ID …] [--budget quick|full] [--seed S] [--out DIR]
                  [--resume] [--cache DIR] [--jobs N] [--shard i/N] [--merge DIR …]
                  [--json] [--quiet] [--wide]

Runs the selected claims (default: all papers, budget quick) and writes into DIR
(default reports/out/<date>-<git sha>/):
  report.json   one record per claim × regime: parameters, prediction, measurement ± standard error,
                verdict, test, α, power, seed and replay command, plus run metadata (schema:
                reports/schema.json). Identical commit, seed and budget give identical bytes apart
                from the "timings" field.
  index.html    self-contained page: summary table, the papers' figures (theory surfaces and
                boundaries with the simulated points on top), deviations with counterexamples,
                one plot per check
  report.md     the same as Markdown, figures in figures/*.svg, for pasting into a review
  junit.xml     one testcase per check for CI (mismatch = failure, inconclusive = skipped)
The directory is replaced atomically at the end: an interrupted run leaves the previous report.

options:
  --paper P         fate, ptransfer, kou, uowq, universality (repeat or comma-separate)
  --claim ID        only these claims (repeat or comma-separate)
  --budget B        quick (default, minutes) or full (reproduces the papers' figures); test = tiny
  --seed S          integer in [0, 4294967295]; default: the gate seed (TTC_SEED overrides)
  --out DIR         output directory
  --resume          reuse finished checks and figure simulations from the cache (.ttc-cache/report,
                    keyed by check, parameters, seed, budget and code version)
  --cache DIR       where the --resume cache lives
  --jobs N          run in N processes (default: the machine's cores; results are the same)
  --shard i/N       run only shard i of N (claims with all their checks, and figure jobs, dealt
                    round-robin)
  --merge DIR …     merge shard outputs (each from --shard i/N --out DIR) into --out; runs nothing
  --json            print the summary and the written files as JSON on stdout
  --quiet           no progress output (a bar on a terminal; piped or in CI a plain line every 10 s)
  --wide            print the summary table whole (by default cut to 100 columns)
Exit status: 0 when every check conforms or deviates as recorded, 1 on a mismatch, 2 on bad input.

example: ttc report --budget quick --paper fate --out reports/out/fate`,
};
