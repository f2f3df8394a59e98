/**
 * Temporary directories for tests that write small trees synchronously: `tempDir` makes one and remembers it,
 * `write` puts a file in it (its folders too), and `removeAll` (registered with `afterAll`) deletes them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function tempDirs(): {
  tempDir: (prefix: string) => string;
  write: (root: string, rel: string, text: string) => void;
  removeAll: () => void;
} {
  const made: string[] = [];
  return {
    tempDir: (prefix) => {
      const d = mkdtempSync(path.join(tmpdir(), prefix));
      made.push(d);
      return d;
    },
    write: (root, rel, text) => {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    },
    removeAll: () => {
      for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}
