/**
 * The text pass skips asking about a JSON or YAML string that holds no credential keyword, as written, when the
 * answer is known to be none (issue 13, session 36): a value written with escapes, with blanks around it or under a
 * reference intrinsic is still asked, and a value with a keyword inside is asked as before.
 */
import { describe, expect, it } from 'vitest';
import { scanTextFile } from '../../src/scanner/detect/text.js';

// A GitHub-token-shaped string built at run time (not a real token).
const TOKEN = ['ghp', '_', 'kQ7vN2xR9mW4pL8sT3yB6cD1fG5hJ0zA4eU7'].join('');
/** The same token with its first letter written as a JSON escape: the file's text never spells `ghp_`. */
const ESCAPED = `\\u0067${TOKEN.slice(1)}`;

const at = (rel: string, text: string) =>
  scanTextFile(rel, text).findings.map((f) => [f.location.line, f.location.column, f.secret?.formatId]);

describe('strings without a credential keyword in a translation catalogue', () => {
  it('reports a token written plainly, where it is', () => {
    const json = `{\n  "TITLE": "Welcome",\n  "HELP": "${TOKEN}"\n}\n`;
    expect(at('src/i18n/en.json', json)).toEqual([[3, 12, 'github-token-unverified']]);
  });

  it('still reads a string written with an escape, whose text spells no keyword', () => {
    const json = `{\n  "TITLE": "Welcome",\n  "HELP": "${ESCAPED}"\n}\n`;
    expect(at('src/i18n/en.json', json)).toEqual([[3, 12, 'github-token-unverified']]);
  });

  it('still reads a YAML catalogue string in double quotes with an escape', () => {
    const yaml = `title: Welcome\nhelp: "\\x67${TOKEN.slice(1)}"\n`;
    expect(at('locales/en.yml', yaml)).toEqual([[2, 8, 'github-token-unverified']]);
  });

  it('stays quiet on catalogue strings that name secrets without holding one', () => {
    const json = `{\n  "PASSWORD": "Password",\n  "TOKEN_HINT": "Paste your token here",\n  "KEY": " key "\n}\n`;
    expect(at('src/i18n/de.json', json)).toEqual([]);
    expect(at('locales/de.yml', 'password: Passwort\ntoken: " Schlüssel "\n')).toEqual([]);
  });
});

describe('strings without a credential keyword under a reference intrinsic', () => {
  it('reads an escaped value under !GetAtt and stays quiet on a plain logical id', () => {
    const yaml = `Resources:\n  Fn:\n    Properties:\n      Token: !GetAtt [ApiRole, "\\x67${TOKEN.slice(1)}"]\n`;
    expect(at('template.yaml', yaml)).toEqual([[4, 33, 'github-token-unverified']]);
    expect(at('template.yaml', 'Resources:\n  Fn:\n    Properties:\n      Role: !GetAtt [ApiRole, Arn]\n')).toEqual([]);
  });
});
