// A `ttc report --jobs N` worker process: loads the TypeScript sources through tsx like cli/bin.js.
import { register } from 'tsx/esm/api';

register();
await import('./workerMain.ts');
