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
  ],
  samples: {
    positive: ['test', '__tests__', 'fixture', 'fixtures', 'mock', '.devcontainer', 'testdata'],
    negative: ['contest', 'latest', 'src', 'testimonials', 'xdevcontainer', 'story'],
  },
};
