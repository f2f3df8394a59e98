/**
 * Path knowledge that decides a file's role for the fixture policy (rule-kit files.ts): the directories that hold
 * tests, fixtures and mocks. `test/catalogue/code-lists.test.ts` proves the samples. Moved here from src/rule-kit
 * (session 35); the other path pieces of files.ts (test file suffixes, runner files, example trees) are still there.
 */
import type { Samples } from './types.js';

/**
 * Directories that hold tests, fixtures and mocks, as regex fragments of one whole path segment each (`fixtures?`),
 * so `contest/` and `latest/` are not. Samples are single segments.
 */
export const testDirectories: {
  readonly id: string;
  readonly title: string;
  readonly segments: readonly string[];
  readonly samples: Samples;
} = {
  id: 'test-directories',
  title: 'Directories that hold tests, fixtures and mocks',
  segments: [
    ...['test', 'conformance', 'tests', '__tests__', '__test__', 'spec', 'specs', '__mocks__', '__fixtures__'],
    ...['fixtures?', 'e2e', 'cypress', 'playwright', 'testing', 'testdata', 'test-data', 'test-d', 'tap', 'mocks?'],
    ...['stories', '\\.devcontainer'],
    // Jest writes snapshots to `__snapshots__/`; Storybook's configuration lives in `.storybook/`; ethers-style
    // `_tests/`; `test-fixtures/`, `test_data/` as named. Test doubles by Meszaros's names: `stubs/`, `fakes/`.
    ...['__snapshots__', '\\.storybook', '_tests?', 'test[-_]fixtures?', 'test_data', '(?:__)?stubs(?:__)?'],
    // No `emulator/`: the Firebase CLI's local emulators live there, but so does product code (docs/audit.md,
    // session 31).
    ...['(?:__)?fakes(?:__)?'],
  ],
  samples: {
    positive: [
      ...['test', '__tests__', 'fixture', 'fixtures', 'mock', '.devcontainer', 'testdata', '__snapshots__'],
      ...['.storybook', '_tests', 'test-fixtures', 'test_data', 'stubs', '__fakes__'],
    ],
    negative: [
      ...['contest', 'latest', 'src', 'testimonials', 'xdevcontainer', 'story', 'storybook', 'stubborn'],
      ...['fakeout', 'emulator', 'snapshots', 'tests_old'],
    ],
  },
};

/**
 * JSDoc block tags whose text documents a value (rule-kit files.ts `isDocExampleAt`): `@example`, and the tags that
 * describe a parameter, a return value or a property (`@param` and its synonyms `@arg` / `@argument`, `@returns` /
 * `@return`, `@property` / `@prop`; JSDoc's tag reference). A credential written in such a section is shown, not run,
 * like a docs/ tree. Samples are tag names without the `@`.
 */
export const valueDocTags: {
  readonly id: string;
  readonly title: string;
  readonly names: ReadonlySet<string>;
  readonly samples: Samples;
} = {
  id: 'value-doc-tags',
  title: 'JSDoc tags whose section documents a value',
  names: new Set(['example', 'param', 'arg', 'argument', 'returns', 'return', 'property', 'prop']),
  samples: {
    positive: ['example', 'param', 'returns', 'prop'],
    negative: ['throws', 'see', 'deprecated', 'type'],
  },
};
