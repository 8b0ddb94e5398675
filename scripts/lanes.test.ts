// The main process and the preload run in different places: main in Node with
// no DOM, the preload in the sandboxed renderer with the DOM and no Node. Each
// has its own tsconfig and lint block; these cases prove that both refuse code
// written for the other, so a loosened config fails here instead of in a
// packaged app.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'lanes-'));
// ES modules, like the project's own files.
writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Type errors of `code` compiled with the compiler options of `project`. */
function typeErrors(project: string, code: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, project),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (parsed === undefined) throw new Error(`cannot read ${project}`);
  const file = path.join(dir, `${project}-${String(Math.random()).slice(2)}.ts`);
  writeFileSync(file, code);
  const program = ts.createProgram([file], parsed.options);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const eslint = new ESLint({
  cwd: root,
  overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
});

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('main has no DOM', () => {
  it('refuses document and window', () => {
    const errors = typeErrors(
      'tsconfig.main.json',
      'export const title: string = document.title;\nexport const w = window.innerWidth;\n',
    );
    expect(errors.join('\n')).toMatch(/Cannot find name 'document'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'window'/);
  });

  it('accepts Node code (the check is not failing for another reason)', () => {
    expect(typeErrors('tsconfig.main.json', 'export const pid: number = process.pid;\n')).toEqual(
      [],
    );
  });

  it('may not import the preload outside tests', async () => {
    expect(
      await restricted(
        'main/x.ts',
        "import { createPreloadHost } from '../preload/bridge.ts'; export const c = createPreloadHost;",
      ),
    ).not.toEqual([]);
  });
});

describe('the preload has no Node', () => {
  it('has the DOM', () => {
    expect(
      typeErrors('tsconfig.preload.json', 'export const title: string = document.title;\n'),
    ).toEqual([]);
  });

  it.each([
    "import { readFileSync } from 'node:fs'; export const f = readFileSync;",
    "import { join } from 'path'; export const j = join;",
    "import { app } from 'electron'; export const a = app;",
    "import { ipcMain } from 'electron'; export const i = ipcMain;",
    "import { r } from '../main/config.ts'; export const x = r;",
    'export const e = process.env;',
  ])('refuses: %s', async (code) => {
    expect(await restricted('preload/x.ts', code)).not.toEqual([]);
  });

  it('accepts the renderer-side Electron modules and shared/', async () => {
    expect(
      await restricted(
        'preload/x.ts',
        "import { contextBridge, ipcRenderer } from 'electron';\nimport { HOST_GLOBAL } from '../shared/ipc.ts';\nexport const x = [contextBridge, ipcRenderer, HOST_GLOBAL];",
      ),
    ).toEqual([]);
  });
});
