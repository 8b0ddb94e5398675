import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../db/stores.ts';
import { runDirectoryCommand } from './import-cli.ts';
import { parseCsv } from './import.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sink(): { text: string; write(t: string): void } {
  return {
    text: '',
    write(t) {
      this.text += t;
    },
  };
}

describe('directory import', () => {
  it('reads quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('\uFEFFuserName,name\r\na@x.org,"Doe, ""J""\nJr"\n')).toEqual([
      { userName: 'a@x.org', name: 'Doe, "J"\nJr' },
    ]);
  });

  it('provisions a CSV export, updates on a second run, names bad rows, audits each change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-import-'));
    dirs.push(dir);
    const csv = join(dir, 'people.csv');
    writeFileSync(
      csv,
      'userName,name,title,department,location,active\nlinus@example.com,Linus Pauling,Chemist,Research,"Pasadena, CA",true\n,No Address,,,,\n',
    );
    const out = sink();
    const err = sink();
    expect(await runDirectoryCommand(['import', csv, '--data', dir], {}, dir, out, err)).toBe(1);
    expect(out.text).toContain('1 provisioned');
    expect(err.text).toContain('row 2: no userName');
    const first = openSqliteStores(dir);
    try {
      const [imported] = (await first.spaces.directory.listProvisioned(null, 0, 1)).people;
      expect(imported).toMatchObject({ title: 'Chemist', location: 'Pasadena, CA' });
    } finally {
      await first.close();
    }
    const json = join(dir, 'people.json');
    writeFileSync(
      json,
      JSON.stringify([{ userName: 'LINUS@example.com', location: 'Corvallis', active: false }]),
    );
    expect(
      await runDirectoryCommand(['import', json, '--data', dir], {}, dir, sink(), sink()),
    ).toBe(0);

    const stores = openSqliteStores(dir);
    try {
      const provisioned = (await stores.spaces.directory.listProvisioned(null, 0, 10)).people;
      // The second run updated the one entry rather than adding another.
      expect(
        provisioned.filter((p) => p.userName.toLowerCase() === 'linus@example.com'),
      ).toHaveLength(1);
      const [linus] = provisioned;
      expect(linus).toMatchObject({
        userName: 'LINUS@example.com',
        location: 'Corvallis',
        active: false,
        signedIn: false,
      });
      // Deactivated: no longer offered when inviting people.
      expect(await stores.spaces.searchPeople('linus', 5)).toEqual([]);
      const kinds = (await stores.audit.query({ limit: 10 })).entries.map((e) => e.kind);
      expect(kinds).toEqual(['directory.deactivated', 'directory.provisioned']);
    } finally {
      await stores.close();
    }
    expect(await runDirectoryCommand(['import'], {}, dir, sink(), sink())).toBe(2);
  });
});
