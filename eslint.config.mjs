// The project lints itself with its own plugin (from the build) and typescript-eslint's
// recommended type-checked rules.
import tseslint from 'typescript-eslint';
import keyhygiene from './dist/src/plugin.js';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'fixtures/**',
      'coverage/**',
      '.scratch/**',
      '.keyhygiene-cache/**',
      'bench/**',
      'scripts/**',
      '**/*.mjs',
      '**/*.cjs',
      '**/*.js',
    ],
  },
  keyhygiene.configs.strict,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Rule code narrows AST unions by hand; these are noise there.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests plant fake keys and weak values on purpose; the test-file policy of each rule applies.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
      // strict lists every key in tests (testFiles: 'all'); here the default fixture policy is what we want.
      'keyhygiene/no-hardcoded-key': ['error', { testFiles: 'formats-only' }],
    },
  },
);
