/**
 * The same detectors on every file kind (issue 12, item 4): every credential-format sample of the catalogue
 * is embedded in a `.ts` string literal, a `.txt`, `.md`, `.adoc`, `.xml`, `.properties`, `.yml`, `.env` and
 * `.json` file, and must get the same verdict in each: every positive is reported as a leak, and no negative is
 * reported as that format. (A negative of one format may still be a secret by name in a structured file:
 * `HEROKU_API_KEY=<hex>` as a YAML value is judged by its name, which is the point of reading names.)
 * `.ts` goes through the lint runner (the ESLint rules), every other kind through the text pass. Published
 * examples are not leaks: the text pass reports them at low severity (formatId `published-example`), so the
 * verdict here counts only the other findings. All samples are the catalogue's own FAKE values.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialFormats } from '../../src/catalogue/credentials.js';
import { lintFile } from '../../src/scanner/detect/lint.js';
import { scanTextFile } from '../../src/scanner/detect/text.js';

const ROOT = path.resolve('fixtures/scan/file-kinds-virtual');

/** A single-quoted form when the sample allows it (verbatim), else a JSON string (escaped). */
const quoted = (s: string): string => (/['\n\r\\]/.test(s) ? JSON.stringify(s) : `'${s}'`);
const oneLine = (s: string): string => s.replace(/\r?\n/g, '\\n');

/** How each kind carries a sample. */
const kinds: Record<string, (s: string) => string> = {
  '.ts': (s) => `export const sample = ${JSON.stringify(s)};\n`,
  '.txt': (s) => `The value below was pasted here:\n${s}\n`,
  '.md': (s) => `# Notes\n\nThe value:\n\n${s}\n`,
  '.adoc': (s) => `= Notes\n\nThe value:\n\n----\n${s}\n----\n`,
  '.xml': (s) => `<config>\n  <value>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</value>\n</config>\n`,
  '.properties': (s) => `sample=${oneLine(s)}\n`,
  '.yml': (s) => `sample: ${JSON.stringify(s)}\n`,
  '.env': (s) => `SAMPLE=${quoted(s)}\n`,
  '.json': (s) => `{ "sample": ${JSON.stringify(s)} }\n`,
};

/** The format ids of the leaks the file reports as the audit reads it (`''` for a leak found by name). */
function leaks(ext: string, sample: string): string[] {
  const rel = ext === '.env' ? 'config/.env' : `docs/sample${ext}`;
  const text = kinds[ext]!(sample);
  const result =
    ext === '.ts' ? lintFile(ROOT, path.join(ROOT, 'src/sample.ts'), 'src/sample.ts', text) : scanTextFile(rel, text);
  return result.findings
    .filter((f) => f.category === 'hardcoded-key' && f.secret?.formatId !== 'published-example')
    .map((f) => f.secret?.formatId ?? '');
}

describe('every catalogue sample gets the same verdict in every file kind', () => {
  for (const f of credentialFormats) {
    describe(f.id, () => {
      for (const ext of Object.keys(kinds)) {
        it(`${ext}: every positive is reported, no negative is`, () => {
          const missed = f.samples.positive.filter((s) => leaks(ext, s).length === 0);
          const flagged = f.samples.negative.filter((s) => leaks(ext, s).includes(f.id));
          expect({ missed, flagged }).toEqual({ missed: [], flagged: [] });
        });
      }
    });
  }
});
