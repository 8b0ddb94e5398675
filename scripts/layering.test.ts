// The layering rule of eslint.config.js is what keeps each runtime in its lane
// (handbook §1). These cases prove the rule bites: if someone loosens it,
// this test fails rather than the architecture quietly rotting.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Type information is irrelevant to import rules, and the virtual files below
// belong to no tsconfig, so type-aware rules are switched off for this check.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
});

async function restrictedMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('import layering', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs'; export const f = readFileSync;"],
    ['shared/x.ts', "import { join } from 'path'; export const j = join;"],
    ['shared/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['shared/x.ts', "import { h } from '../renderer/h.ts'; export const x = h;"],
    ['shared/x.ts', 'export const w = window.location.href;'],
    ['shared/x.ts', 'export const e = process.env;'],
    ['renderer/x.ts', "import { readFileSync } from 'node:fs'; export const f = readFileSync;"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron'; export const i = ipcRenderer;"],
    ['renderer/x.ts', "import { s } from '../relay/server.ts'; export const x = s;"],
    ['renderer/a/b.tsx', "import { m } from '../../main/index.ts'; export const x = m;"],
    ['main/x.ts', "import { r } from '../renderer/app.ts'; export const x = r;"],
    ['main/x.ts', "import { r } from '../relay/server.ts'; export const x = r;"],
    ['relay/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['relay/x.ts', "import { m } from '../main/index.ts'; export const x = m;"],
    ['relay/a/x.ts', "import { r } from '../../renderer/app.ts'; export const x = r;"],
  ])('%s may not: %s', async (filePath, code) => {
    expect(await restrictedMessages(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod'; export const s = z.string();"],
    ['shared/x.ts', "import { parseRoomName } from './wire.ts'; export const p = parseRoomName;"],
    [
      'renderer/x.ts',
      "import { parseRoomName } from '../shared/wire.ts'; export const p = parseRoomName;",
    ],
    ['relay/x.ts', "import { createServer } from 'node:http'; export const c = createServer;"],
    ['main/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['main/x.ts', "import { ipcContract } from '../shared/ipc.ts'; export const c = ipcContract;"],
  ])('%s may: %s', async (filePath, code) => {
    expect(await restrictedMessages(filePath, code)).toEqual([]);
  });
});
