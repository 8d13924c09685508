// Type-aware linting: the rules that catch real bugs in extension code (floating promises above all).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // AssemblyScript (compiled by scripts/build-wasm.ts, not by tsc) and its generated output.
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'data/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.as.ts',
      'src/annotate/wasm/scanner.wasm.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
