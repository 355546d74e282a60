import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from './json.ts';

/**
 * The resume cache: one JSON file per finished unit (a check's result or a figure's simulations),
 * keyed by what the result depends on — the unit id, its parameters (budget, runs), the seed and the
 * code version. Files are written atomically (temp file + rename), so a killed run leaves only whole
 * entries. Entries are always written; they are read only under --resume.
 */
export class ResultCache {
  constructor(readonly dir: string) {}

  static key(parts: Record<string, unknown>): string {
    return createHash('sha256').update(canonicalJson(parts)).digest('hex').slice(0, 32);
  }

  get<T>(key: string): T | undefined {
    try {
      const entry = JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8')) as { key: string; value: T };
      return entry.key === key ? entry.value : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    this.setFile(`${key}.json`, { key, value });
  }

  /** Writes a JSON file in the cache directory atomically (temp file + rename). */
  setFile(name: string, value: unknown): void {
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, name);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
  }
}
