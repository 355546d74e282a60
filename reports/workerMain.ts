import { allChecks, loadPaperModule, paperIds, useBuiltinPapers } from '../papers/registry.ts';
import { figureJobsFor } from './run.ts';
import { cpuMsSince, WORKER_SETUP_ENV, type UnitReply, type UnitRequest, type WorkerSetup } from './pool.ts';

// A Ctrl-C in a terminal reaches the whole process group. The parent (reports/pool.ts, run.ts) decides
// what an interruption means and ends its workers with SIGTERM (whose default action ends this process
// at once, even in the middle of a unit), so the worker itself lets SIGINT pass.
process.on('SIGINT', () => {});

/** Whether the pipe to the parent is gone: the parent was killed or is shutting down. */
function channelClosed(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ERR_IPC_CHANNEL_CLOSED' || code === 'ECONNRESET';
}

// A parent that died while a unit ran leaves nobody to send its result to; that is not an error of the
// worker. Anything else still fails loudly.
process.on('error', (e) => {
  if (channelClosed(e)) process.exit(0);
  throw e;
});
for (const stream of [process.stdout, process.stderr]) stream.on('error', (e) => (channelClosed(e) ? process.exit(0) : undefined));

function reply(m: UnitReply | { ready: true }): void {
  if (!process.connected) process.exit(0);
  process.send!(m, undefined, {}, (e) => {
    if (e && channelClosed(e)) process.exit(0);
    else if (e) throw e;
  });
}

/** Runs units sent by the parent (reports/pool.ts), one at a time, and replies with each result. */
process.on('message', (req: UnitRequest) => {
  void (async () => {
    // The unit's own time: the parent sees only its wall time including the message round trip.
    const w0 = performance.now();
    const c0 = process.cpuUsage();
    const took = () => ({ wallMs: performance.now() - w0, cpuMs: cpuMsSince(c0) });
    try {
      let value: unknown;
      if (req.kind === 'check') {
        const spec = allChecks().find((c) => c.id === req.id);
        if (!spec) throw new Error(`unknown check '${req.id}' in the worker`);
        value = await spec.run({ seed: req.seed, budget: req.budget });
      } else {
        const job = (await figureJobsFor(paperIds())).find((j) => j.id === req.id);
        if (!job) throw new Error(`unknown figure job '${req.id}' in the worker`);
        value = await job.run({ seed: req.seed, budget: req.budget });
      }
      reply({ ok: true, value, ...took() });
    } catch (e) {
      reply({ ok: false, error: (e as Error)?.message ?? String(e), ...took() });
    }
  })();
});
process.on('disconnect', () => process.exit(0));

// The same papers as the parent: built-ins on or off, and the users' modules it loaded (a module that
// loaded there loads here; if it does not, the worker reports that on every unit instead of a wrong result).
let setupError: string | undefined;
try {
  const setup = JSON.parse(process.env[WORKER_SETUP_ENV] ?? '{"builtin":true,"modules":[]}') as WorkerSetup;
  useBuiltinPapers(setup.builtin);
  for (const m of setup.modules) await loadPaperModule(m, 'report worker: paper module');
} catch (e) {
  setupError = (e as Error)?.message ?? String(e);
}
if (setupError !== undefined) {
  process.removeAllListeners('message');
  process.on('message', () => reply({ ok: false, error: `report worker could not load the papers: ${setupError}`, wallMs: 0, cpuMs: 0 }));
}
reply({ ready: true });

