import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'web/widget/dist/', 'data/', 'coverage/', 'src/store/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Config is read once, in src/config; everything else receives it.
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/bin/voxpop.ts', 'src/bin/commands/doctor.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.' }],
    },
  },
  {
    // The domain is pure: no I/O, nothing from the outer layers.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', '../app/*', '../store/*', '../http/*', '../../app/*', '../../store/*', '../../http/*', 'pg', 'drizzle-orm*', 'fastify*'] }],
    },
  },
);
