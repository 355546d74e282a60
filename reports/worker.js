// A `ttc report --jobs N` worker process, forked by pool.ts from its own folder: in the built package
// (dist/reports/worker.js, copied there by `npm run build`) it loads the compiled workerMain.js beside
// it; from the sources (reports/worker.js: vitest, `npm run ttc`, or the tsx fallback of cli/bin.js)
// it loads workerMain.ts through tsx, as the parent did. So parent and workers always run the same code.
import { existsSync } from 'node:fs';

const compiled = new URL('./workerMain.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./workerMain.ts', import.meta.url).href);
}
