import { InputError } from '../core/params.ts';
import type { Budget } from './check.ts';

/**
 * A replay token names a check, the seed, the fast-check path of one run and the budget. It is
 * printed with every failure and stored in the report; `ttc replay <token>` re-runs exactly that.
 */
export interface ReplayTarget {
  checkId: string;
  seed: number;
  path?: string;
  budget: Budget;
}

export function encodeReplay(t: ReplayTarget): string {
  const parts = [t.checkId, String(t.seed), t.path ?? '', t.budget];
  return Buffer.from(parts.join('|'), 'utf8').toString('base64url');
}

export function decodeReplay(token: string): ReplayTarget {
  let text: string;
  try {
    text = Buffer.from(token, 'base64url').toString('utf8');
  } catch {
    throw new InputError(`replay token '${token}' is not base64url`);
  }
  const [checkId, seed, path, budget] = text.split('|');
  if (!checkId || seed === undefined || !/^-?\d+$/.test(seed) || !['test', 'quick', 'full'].includes(budget ?? '')) {
    throw new InputError(`replay token '${token}' is malformed (expected check|seed|path|budget)`);
  }
  return { checkId, seed: Number(seed), path: path || undefined, budget: budget as Budget };
}

export function replayCommand(t: ReplayTarget): string {
  return `npx ttc replay ${encodeReplay(t)}`;
}
