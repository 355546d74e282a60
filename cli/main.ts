import { check as checkClaim, evaluate, listClaims, simulate, type CheckResult } from '../index.ts';
import { InputError } from '../core/params.ts';
import { describeDomain } from '../core/params.ts';
import { allChecks, allSims, getCheck, getSim, loadPaperModule, paperIds } from '../papers/registry.ts';
import { decodeReplay } from '../properties/replay.ts';
import { gateSeed } from '../properties/seeds.ts';
import type { Budget, CheckSpec } from '../properties/check.ts';
import { intOpt, num, parseArgs, type ParsedArgs } from './args.ts';
import { HELP } from './help.ts';
import { formatCheck, formatEvaluation, formatMeasurement, table } from './format.ts';
import { paperFilter, selectChecks } from './select.ts';

const RESERVED = new Set(['seed', 'draws', 'runs', 'budget', 'paper', 'claim', 'shard', 'out', 'merge', 'paper-module']);

/** Exit codes: 0 conforms (or deviates as recorded), 1 unexpected mismatch, 2 bad usage or input. */
export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    const [cmd, ...rest] = args.positional;
    if (!cmd || cmd === 'help') {
      console.log(HELP[rest[0] ?? ''] ?? HELP['']);
      return cmd || args.flags.has('help') ? 0 : 2;
    }
    if (args.flags.has('help')) {
      if (!HELP[cmd]) throw new InputError(`unknown command '${cmd}'; commands: ${Object.keys(HELP).filter(Boolean).join(', ')}`);
      console.log(HELP[cmd]);
      return 0;
    }
    args.positional = rest;
    // Users' papers (and test fixtures) join the built-in ones: --paper-module PATH[,PATH…].
    for (const path of args.values['paper-module']?.split(',') ?? []) await loadPaperModule(path);
    switch (cmd) {
      case 'list':
        return list(args);
      case 'eval':
        return evalCmd(args);
      case 'sim':
        return await simCmd(args);
      case 'check':
        return await checkCmd(args);
      case 'replay':
        return await replayCmd(args);
      case 'report': {
        const { reportCmd } = await import('./reportCmd.ts');
        return await reportCmd(args);
      }
      default:
        throw new InputError(`unknown command '${cmd}'; commands: list, eval, sim, check, replay, report (ttc --help)`);
    }
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`ttc: ${e.message}`);
      return 2;
    }
    const err = e as Error;
    console.error(`ttc: internal error: ${err?.message ?? String(e)}${process.env.TTC_DEBUG ? `\n${err?.stack}` : ' (set TTC_DEBUG=1 for the stack)'}`);
    return 1;
  }
}

function list(args: ParsedArgs): number {
  const papers = paperFilter(args);
  const claims = listClaims().filter((c) => !papers || papers.includes(c.paper));
  if (args.flags.has('json')) {
    console.log(JSON.stringify(claims, null, 2));
    return 0;
  }
  const regime = (r: (typeof claims)[number]['regime']) => (r.kind === 'asymptotic' ? `asymptotic (${r.limit})` : r.kind === 'bound' ? 'bound, unknown constants' : 'exact at finite size');
  console.log(
    table(
      ['claim', 'source', 'regime', 'parameters', 'checks'],
      claims.map((c) => [c.id, c.source.ref + (c.source.provenance === 'printed' ? '' : ' [derived from the abstract]'), regime(c.regime), c.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(' '), String(c.checks.length)]),
    ),
  );
  console.log(`\n${claims.length} claims. Details: ttc list --json; a prediction: ttc eval <claim> --<param> <value> …`);
  return 0;
}

/** The `--name value` options that are claim or simulation parameters. */
function modelParams(args: ParsedArgs): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(args.values)) if (!RESERVED.has(k)) out[k] = num(k, v);
  return out;
}

function evalCmd(args: ParsedArgs): number {
  const id = args.positional[0];
  if (!id) throw new InputError('usage: ttc eval <claim-id> --<param> <value> … [--json] (ttc list shows the ids)');
  const ev = evaluate(id, modelParams(args));
  console.log(args.flags.has('json') ? JSON.stringify(ev, null, 2) : formatEvaluation(ev));
  return 0;
}

async function simCmd(args: ParsedArgs): Promise<number> {
  const id = args.positional[0];
  if (!id) {
    const sims = allSims();
    if (args.flags.has('json')) console.log(JSON.stringify(sims.map((s) => ({ id: s.id, paper: s.paper, title: s.title, quantity: s.quantity, params: s.params.map((p) => ({ name: p.name, domain: describeDomain(p.domain), default: p.default })) })), null, 2));
    else console.log(table(['simulation', 'measures', 'parameters'], sims.map((s) => [s.id, s.quantity, s.params.map((p) => (p.default !== undefined ? `${p.name}=${p.default}` : p.name)).join(' ')])));
    return 0;
  }
  getSim(id);
  const seed = intOpt('seed', args.values.seed, 1);
  const draws = args.values.draws !== undefined ? intOpt('draws', args.values.draws, 1) : undefined;
  const m = await simulate(id, modelParams(args), { seed, draws });
  if (args.flags.has('json')) console.log(JSON.stringify(m, null, 2));
  else console.log(formatMeasurement(m));
  return 0;
}

function budgetOf(args: ParsedArgs): Budget {
  const b = args.values.budget ?? 'test';
  if (!['test', 'quick', 'full'].includes(b)) throw new InputError(`--budget must be one of test, quick, full; got '${b}'`);
  return b as Budget;
}

async function checkCmd(args: ParsedArgs): Promise<number> {
  const seed = args.values.seed !== undefined ? intOpt('seed', args.values.seed, 0) : gateSeed();
  const runs = args.values.runs !== undefined ? intOpt('runs', args.values.runs, 1) : undefined;
  if (runs !== undefined && runs < 1) throw new InputError(`--runs must be an integer ≥ 1, got ${runs}`);
  const budget = budgetOf(args);
  const checks = selectChecks(args);
  if (checks.length === 0) throw new InputError('no checks match the selection');
  const json = args.flags.has('json');
  if (!json) console.log(`ttc check: ${checks.length} checks, seed ${seed}, budget ${budget}${runs ? `, ${runs} runs each` : ''}\n`);
  const results: CheckResult[] = [];
  for (const spec of checks) {
    const r = await spec.run({ seed, budget, runs });
    results.push(r);
    if (!json) console.log(formatCheck(r));
  }
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  const mismatches = count('mismatch');
  if (json) console.log(JSON.stringify(results, null, 2));
  else {
    console.log(`\n${results.length} checks: ${count('conforms')} conform, ${count('deviates')} deviate as recorded, ${mismatches} mismatch, ${count('inconclusive')} inconclusive, ${count('out-of-hypotheses')} out of hypotheses`);
    console.log(`${mismatches ? 'FAIL' : 'OK'} (seed ${seed}; re-run with: npx ttc check${args.values.paper ? ` --paper ${args.values.paper}` : ''}${args.values.claim ? ` --claim ${args.values.claim}` : ''} --seed ${seed} --budget ${budget})`);
  }
  return mismatches ? 1 : 0;
}

async function replayCmd(args: ParsedArgs): Promise<number> {
  const token = args.positional[0];
  if (!token) throw new InputError('usage: ttc replay <token> (the token is printed with every failure and stored in the report)');
  const t = decodeReplay(token);
  const spec = getCheck(t.checkId);
  const r = await spec.run({ seed: t.seed, budget: t.budget, path: t.path });
  if (args.flags.has('json')) console.log(JSON.stringify(r, null, 2));
  else {
    console.log(`replay ${t.checkId} seed ${t.seed}${t.path ? ` path ${t.path}` : ''} (budget ${t.budget})`);
    console.log(formatCheck(r, true));
  }
  return r.verdict === 'mismatch' ? 1 : 0;
}

