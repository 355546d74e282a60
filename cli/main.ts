import { evaluate, listClaims, simulate, type CheckResult } from '../index.ts';
import { InputError } from '../core/params.ts';
import { describeDomain } from '../core/params.ts';
import { allSims, getCheck, loadConfig, loadedPaperModules, loadPaperModule, useBuiltinPapers } from '../papers/registry.ts';
import { decodeReplay } from '../properties/replay.ts';
import { gateSeed } from '../properties/seeds.ts';
import type { Budget } from '../properties/check.ts';
import type { ParamSpec } from '../core/params.ts';
import { bindOptions, choice, COMMANDS, globalValues, intOpt, num, seedOpt, tokenize, wantsHelp, type ParsedArgs } from './args.ts';
import { HELP } from './help.ts';
import { formatCheck, formatEvaluation, formatMeasurement, table, WIDTH, wrap } from './format.ts';
import { findClaim, findSim, paperFilter, selectChecks } from './select.ts';
import { didYouMean } from './suggest.ts';

/** Exit codes: 0 conforms (or deviates as recorded), 1 unexpected mismatch, 2 bad usage or input. */
export async function main(argv: string[]): Promise<number> {
  try {
    const tokens = tokenize(argv);
    const [cmd, topic] = tokens.positional;
    if (!cmd || cmd === 'help') {
      if (!cmd) bindOptions(tokens, 'help'); // `ttc --verbose`: an unknown option, not the overview
      if (topic && !HELP[topic]) throw new InputError(`unknown command '${topic}'${didYouMean(topic, COMMANDS)} (commands: ${COMMANDS.filter((c) => c !== 'help').join(', ')})`);
      console.log(HELP[topic ?? ''] ?? HELP['']);
      return cmd || wantsHelp(tokens) ? 0 : 2;
    }
    if (!COMMANDS.includes(cmd)) throw new InputError(`unknown command '${cmd}'${didYouMean(cmd, COMMANDS) || `; commands: ${COMMANDS.filter((c) => c !== 'help').join(', ')}`} (ttc --help)`);
    if (wantsHelp(tokens)) {
      console.log(HELP[cmd]);
      return 0;
    }
    const id = tokens.positional[1];
    // `ttc init` writes the files a config will name: it reads none (a half-written config must not stop it).
    if (cmd === 'init') {
      const { initCmd } = await import('./init.ts');
      return initCmd(bindOptions(tokens, cmd));
    }
    // Users' papers join the built-in ones first: ttc.config.* in the working directory (or --config FILE),
    // then --paper-module PATH[,PATH…]; --no-builtin (or builtin: false in the config) leaves the five out.
    if (tokens.options.some((o) => o.name === 'no-builtin')) useBuiltinPapers(false);
    const [configFile] = globalValues(tokens, 'config');
    await loadConfig(process.cwd(), configFile);
    for (const path of globalValues(tokens, 'paper-module')) await loadPaperModule(path);
    switch (cmd) {
      case 'list':
        return list(bindOptions(tokens, cmd));
      case 'eval': {
        if (!id) throw new InputError('usage: ttc eval <claim-id> --<param> <value> … [--json] (ttc list shows the ids)');
        const claim = findClaim(id);
        return evalCmd(bindOptions(tokens, cmd, claim.params, claim.id), claim.params);
      }
      case 'sim': {
        const sim = id ? findSim(id) : undefined;
        return await simCmd(bindOptions(tokens, cmd, sim?.params ?? [], sim?.id), sim?.params ?? []);
      }
      case 'check':
        return await checkCmd(bindOptions(tokens, cmd));
      case 'replay':
        return await replayCmd(bindOptions(tokens, cmd));
      default: {
        const args = bindOptions(tokens, cmd);
        const { reportCmd } = await import('./reportCmd.ts');
        return await reportCmd(args);
      }
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

/** Prints human-readable output, wrapped to the terminal width unless --wide. */
function print(args: ParsedArgs, text: string): void {
  console.log(args.flags.has('wide') ? text : wrap(text, WIDTH));
}

function noPositional(args: ParsedArgs, from = 0): void {
  const extra = args.positional[from];
  if (extra !== undefined) throw new InputError(`ttc ${args.command}: unexpected argument '${extra}' (ttc ${args.command} --help)`);
}

function list(args: ParsedArgs): number {
  noPositional(args);
  const papers = paperFilter(args);
  const claims = listClaims().filter((c) => !papers || papers.includes(c.paper));
  if (args.flags.has('json')) {
    console.log(JSON.stringify(claims, null, 2));
    return 0;
  }
  const wide = args.flags.has('wide');
  const derived = (c: (typeof claims)[number]) => c.source.provenance !== 'printed';
  const regime = (r: (typeof claims)[number]['regime']) =>
    wide ? (r.kind === 'asymptotic' ? `asymptotic (${r.limit})` : r.kind === 'bound' ? 'bound, unknown constants' : 'exact at finite size') : r.kind;
  const rows = claims.map((c) => [
    c.id + (derived(c) && !wide ? ' *' : ''),
    c.source.ref + (derived(c) && wide ? ' [derived from the abstract]' : ''),
    regime(c.regime),
    c.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(' '),
    String(c.checks.length),
  ]);
  console.log(table(['claim', 'source', 'regime', 'parameters', 'checks'], rows, wide ? Infinity : WIDTH, [0, 2, 4]));
  const star = !wide && claims.some(derived) ? ' (* derived from the abstract, not a printed statement)' : '';
  print(args, `\n${claims.length} claims${star}.\nFull sources and limits: ttc list --wide; everything: ttc list --json; a prediction: ttc eval <claim> --<param> <value> …`);
  return 0;
}

/** The parameter options, as numbers; an unparseable value names the parameter and its domain. */
function modelParams(args: ParsedArgs, specs: readonly ParamSpec[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(args.params)) out[k] = num(k, v, specs.find((s) => s.name === k));
  return out;
}

function evalCmd(args: ParsedArgs, specs: readonly ParamSpec[]): number {
  noPositional(args, 1);
  const ev = evaluate(args.positional[0]!, modelParams(args, specs));
  if (args.flags.has('json')) console.log(JSON.stringify(ev, null, 2));
  else print(args, formatEvaluation(ev));
  return 0;
}

async function simCmd(args: ParsedArgs, specs: readonly ParamSpec[]): Promise<number> {
  const id = args.positional[0];
  if (!id) {
    for (const k of ['seed', 'draws']) if (args.values[k] !== undefined) throw new InputError(`ttc sim: --${k} needs a simulation id (ttc sim lists them)`);
    const sims = allSims();
    if (args.flags.has('json')) console.log(JSON.stringify(sims.map((s) => ({ id: s.id, paper: s.paper, title: s.title, quantity: s.quantity, params: s.params.map((p) => ({ name: p.name, domain: describeDomain(p.domain), default: p.default })) })), null, 2));
    else {
      const rows = sims.map((s) => [s.id, s.quantity, s.params.map((p) => (p.default !== undefined ? `${p.name}=${p.default}` : p.name)).join(' ')]);
      console.log(table(['simulation', 'measures', 'parameters'], rows, args.flags.has('wide') ? Infinity : WIDTH));
      if (!args.flags.has('wide')) console.log('\nFull lines: ttc sim --wide; domains: ttc sim --json');
    }
    return 0;
  }
  noPositional(args, 1);
  const seed = seedOpt(args.values.seed, 1);
  // --draws 1 is accepted: one draw still measures the mean (a smoke run of a slow simulation); its
  // standard error is undefined and printed as n/a (null in --json).
  const draws = args.values.draws !== undefined ? intOpt('draws', args.values.draws, 1, 1) : undefined;
  const m = await simulate(id, modelParams(args, specs), { seed, draws });
  if (args.flags.has('json')) console.log(JSON.stringify(m, null, 2));
  else print(args, formatMeasurement(m));
  return 0;
}

function budgetOf(args: ParsedArgs, dflt: Budget): Budget {
  return choice('budget', args.values.budget, ['test', 'quick', 'full'] as const, dflt);
}

async function checkCmd(args: ParsedArgs): Promise<number> {
  noPositional(args);
  const seed = seedOpt(args.values.seed, gateSeed());
  const runs = args.values.runs !== undefined ? intOpt('runs', args.values.runs, 1, 1) : undefined;
  const budget = budgetOf(args, 'test');
  const checks = selectChecks(args);
  if (checks.length === 0) throw new InputError('no checks match the selection');
  const json = args.flags.has('json');
  const verbose = args.flags.has('verbose');
  if (!json) print(args, `ttc check: ${checks.length} checks, seed ${seed}, budget ${budget}${runs ? `, ${runs} runs each` : ''}\n`);
  const results: CheckResult[] = [];
  for (const spec of checks) {
    const r = await spec.run({ seed, budget, runs });
    results.push(r);
    if (!json) print(args, formatCheck(r, verbose));
  }
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  const mismatches = count('mismatch');
  if (json) console.log(JSON.stringify(results, null, 2));
  else {
    const sel = `${args.values.paper ? ` --paper ${args.values.paper}` : ''}${args.values.claim ? ` --claim ${args.values.claim}` : ''}${args.values.shard ? ` --shard ${args.values.shard}` : ''}`;
    print(args, `\n${results.length} checks: ${count('conforms')} conform, ${count('deviates')} deviate (errors of the papers), ${count('not-reproduced')} not reproduced (our reading), ${mismatches} mismatch, ${count('inconclusive')} inconclusive, ${count('out-of-hypotheses')} out of hypotheses`);
    print(args, `${mismatches ? 'FAIL' : 'OK'} (seed ${seed}; re-run with: npx ttc check${sel} --seed ${seed} --budget ${budget})`);
  }
  return mismatches ? 1 : 0;
}

async function replayCmd(args: ParsedArgs): Promise<number> {
  const token = args.positional[0];
  if (!token) throw new InputError('usage: ttc replay <token> (the token is printed with every failure and stored in the report)');
  noPositional(args, 1);
  const t = decodeReplay(token);
  const spec = getCheck(t.checkId);
  const r = await spec.run({ seed: t.seed, budget: t.budget, path: t.path });
  if (args.flags.has('json')) console.log(JSON.stringify(r, null, 2));
  else print(args, `replay ${t.checkId} seed ${t.seed}${t.path ? ` path ${t.path}` : ''} (budget ${t.budget})\n${formatCheck(r, true)}`);
  return r.verdict === 'mismatch' ? 1 : 0;
}
