/**
 * File-kind predicates from a path alone (no I/O): the test-file policy that several rules share.
 */

/**
 * Test, spec, fixture, mock, story and e2e files. Rules report only live-format credentials and
 * private-key blocks there by default: fixtures are full of deliberate dummy keys, but a real key
 * format in a test is indistinguishable from a leaked one.
 */
const TEST_PATH =
  /(?:^|[/\\])(?:test|tests|__tests__|__test__|spec|specs|__mocks__|__fixtures__|fixtures?|e2e|cypress|playwright|testing|testdata|test-data|test-d|tap|mocks?|stories)(?:[/\\])|\.(?:test|spec|e2e|stories|story|mock|fixture|test-d)\.[cm]?[jt]sx?$/i;

export function isTestFile(filename: string, cwd?: string): boolean {
  // Judge the path inside the project, not where the project happens to live on disk.
  let rel = filename.replace(/\\/g, '/');
  const base = cwd?.replace(/\\/g, '/').replace(/\/+$/, '');
  if (base && rel.startsWith(`${base}/`)) rel = rel.slice(base.length + 1);
  return TEST_PATH.test(rel);
}

/** TypeScript sources, where a suggestion may need a non-null assertion. */
export function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/i.test(filename);
}
