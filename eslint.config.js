// Lint rules, including the layering rule that keeps each runtime in its lane
// (handbook §1): shared/ imports no Node, Electron or DOM; main/, renderer/ and
// relay/ never import one another. The folder names say where code runs, and
// this file makes that a checked fact rather than a convention.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const nodeImports = [
  { regex: '^node:', message: 'Node built-ins are not available here.' },
  {
    regex: `^(${nodeBuiltins.map((n) => n.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?$`,
    message: 'Node built-ins are not available here.',
  },
];
const electronImport = {
  regex: '^electron(\\/.*)?$',
  message: 'Electron is only for main/.',
};
/** A relative import that reaches into another top-level runtime folder. */
const folderImport = (folder, why) => ({
  regex: `^(\\.\\.\\/)+(${folder})(\\/|$)`,
  message: why,
});
const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
];

const layering = (files, patterns, extra = {}) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns }],
    ...extra,
  },
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'coverage/',
      'playwright-report/',
      'test-results/',
      '.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each runtime has its own tsconfig (see scripts/typecheck.ts); shared/
        // is listed first so its files are linted with its DOM-free settings.
        project: [
          './tsconfig.shared.json',
          './tsconfig.renderer.json',
          './tsconfig.preload.json',
          './tsconfig.main.json',
          './tsconfig.node.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.es2023 },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: [
      'relay/**/*.ts',
      'idp/**/*.ts',
      'scripts/**/*.ts',
      'bench/**/*.ts',
      'main/**/*.ts',
      '*.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  layering(
    ['shared/**/*.ts'],
    [
      ...nodeImports,
      electronImport,
      { regex: '^(react|react-dom|ws)(\\/.*)?$', message: 'shared/ is runtime-neutral.' },
      folderImport('main|renderer|relay', 'shared/ depends on nothing of ours.'),
    ],
    {
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({ name, message: 'shared/ has no DOM.' })),
        { name: 'process', message: 'shared/ has no Node.' },
        { name: 'Buffer', message: 'shared/ has no Node.' },
      ],
    },
  ),
  layering(
    ['renderer/**/*.{ts,tsx}'],
    [
      ...nodeImports,
      electronImport,
      folderImport('main|relay', 'The renderer reaches the host only through shared/host.ts.'),
    ],
  ),
  layering(
    ['main/**/*.ts'],
    [
      folderImport(
        'renderer|relay',
        'main/ talks to the renderer over IPC and to the relay over the network.',
      ),
    ],
  ),
  {
    // Main's own code never imports the preload: they run in different
    // processes. Tests (and their fakes) may, to drive both ends of the IPC.
    ...layering(
      ['main/**/*.ts'],
      [
        folderImport(
          'renderer|relay|preload',
          'main/ talks to the renderer and the preload over IPC, to the relay over the network.',
        ),
      ],
    ),
    ignores: ['main/**/*.test.ts', 'main/testing/**'],
  },
  {
    // The preload runs in the sandboxed renderer: the DOM and Electron's
    // renderer-side modules, no Node (a sandboxed preload cannot require it).
    files: ['preload/**/*.ts'],
    ignores: ['preload/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowImportNames: ['contextBridge', 'ipcRenderer', 'webFrame', 'webUtils'],
              message: "The preload may use only Electron's renderer-side modules.",
            },
          ],
          patterns: [
            ...nodeImports,
            { regex: '^electron\\/.+$', message: 'Import renderer-side modules from electron.' },
            folderImport('main|renderer|relay', 'The preload depends on shared/ only.'),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The sandboxed preload has no Node.' },
        { name: 'Buffer', message: 'The sandboxed preload has no Node.' },
        { name: 'require', message: 'The sandboxed preload has no Node.' },
      ],
    },
  },
  {
    files: ['preload/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  layering(
    ['idp/**/*.ts'],
    [
      electronImport,
      { regex: '^(react|react-dom)(\\/.*)?$', message: 'The development IdP has no React UI.' },
      folderImport('main|renderer|relay', 'The development IdP stands alone, like a real IdP.'),
    ],
  ),
  layering(
    ['relay/**/*.ts'],
    [
      electronImport,
      { regex: '^(react|react-dom)(\\/.*)?$', message: 'The relay has no UI.' },
      folderImport('main|renderer', 'The relay depends on shared/ only.'),
    ],
  ),
);
