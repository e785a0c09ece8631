import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'scratch', 'bench-data', 'data', 'test/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // With noUncheckedIndexedAccess every indexed read is optional; `!` marks reads whose index
      // the code has just established, which is clearer than a runtime check that cannot fail.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // DuckDB is started in one place (src/db); charts are drawn through one wrapper.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/*'],
              message: 'Only src/db/ talks to DuckDB.',
            },
            { group: ['echarts', 'echarts/*'], message: 'Only the chart wrapper imports echarts.' },
          ],
        },
      ],
    },
  },
  {
    // A `void promise` in a handler drops its failure where the user never sees it (恢复样例数据
    // once failed silently so): handlers use app/useAction.ts or the desk's deskAction.
    files: ['src/app/**', 'src/views/**'],
    rules: { 'no-void': 'error' },
  },
  {
    files: ['src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['echarts', 'echarts/*'], message: 'Only the chart wrapper imports echarts.' }],
        },
      ],
    },
  },
  {
    // The phone's service worker: plain JS served as is from public/.
    files: ['public/*.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['src/charts/**', 'scripts/build-maps.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/*'],
              message: 'Only src/db/ talks to DuckDB.',
            },
          ],
        },
      ],
    },
  },
  {
    // The phone page is plain DOM (docs/PHONE.md): no React in its graph, and every data value goes
    // into the page as text or an attribute (src/phone/dom.ts), never as HTML.
    files: ['src/phone/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
              message: 'The phone page is plain DOM.',
            },
            {
              group: ['@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/*', 'echarts', 'echarts/*'],
              message: 'The phone page reads published figure files, with no engine and no charts.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML)$/]',
          message: 'Build elements with h() from ./dom: names are user data.',
        },
      ],
    },
  },
  {
    // The entry and the KPI cards it paints before the desktop's code (src/app/openingCards.ts): plain
    // DOM like the phone page, so no React, and kept texts go in as text, never as HTML.
    files: ['src/main.tsx', 'src/app/openingCards.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
              message: 'The entry stays small: React comes with the desktop chunk.',
            },
            {
              group: ['@duckdb/duckdb-wasm', '@duckdb/duckdb-wasm/*'],
              message: 'Only src/db/ talks to DuckDB.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML)$/]',
          message: 'Build elements with h() from src/phone/dom.ts: kept texts are data.',
        },
      ],
    },
  },
);
