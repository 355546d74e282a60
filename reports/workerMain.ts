import { allChecks } from '../papers/registry.ts';
import { figureJobsFor } from './run.ts';
import { paperIds } from '../papers/registry.ts';
import type { UnitRequest } from './pool.ts';

/** Runs units sent by the parent (reports/pool.ts), one at a time, and replies with each result. */
process.on('message', (req: UnitRequest) => {
  void (async () => {
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
      process.send!({ ok: true, value });
    } catch (e) {
      process.send!({ ok: false, error: (e as Error)?.message ?? String(e) });
    }
  })();
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
