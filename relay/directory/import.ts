/**
 * Import of an IdP's export for companies without SCIM: a JSON list of
 * people or a CSV file with a header row. Columns (or keys): `userName`
 * (required: the sign-in address; `email` is read when it is missing),
 * `name`, `title`, `department`, `manager`, `location`, `externalId`,
 * `active` (true/false, default true). Each row goes through the same provisioning
 * as SCIM; a person already in the directory (same address) is updated.
 */
import { randomUUID } from 'node:crypto';
import { provisionPerson, type ProvisionDeps } from './provision.ts';
import type { DirectoryEntry } from './types.ts';

type RowValues = Readonly<Record<string, unknown>>;

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows.filter((r) => r.some((cell) => cell.trim() !== ''));
  if (header === undefined) return [];
  const keys = header.map((key) => key.trim().replace(/^\uFEFF/, ''));
  return body.map((cells) => Object.fromEntries(keys.map((key, i) => [key, cells[i] ?? ''])));
}

/** The file's rows: JSON when it starts with `[`, CSV otherwise. */
export function parseExport(text: string): RowValues[] {
  if (text.trimStart().startsWith('[')) {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) throw new Error('the JSON file must hold a list of people');
    return parsed.map((item, i) => {
      if (typeof item !== 'object' || item === null)
        throw new Error(`entry ${String(i + 1)} is not an object`);
      return item as RowValues;
    });
  }
  return parseCsv(text);
}

function cell(row: RowValues, key: string): string | undefined {
  const value = row[key];
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

export interface ImportResult {
  readonly provisioned: number;
  readonly updated: number;
  readonly deactivated: number;
  /** Rows not imported, with why (1-based row numbers of the data). */
  readonly problems: readonly string[];
}

export async function importPeople(
  deps: ProvisionDeps,
  rows: readonly RowValues[],
): Promise<ImportResult> {
  let provisioned = 0;
  let updated = 0;
  let deactivated = 0;
  const problems: string[] = [];
  for (const [index, row] of rows.entries()) {
    const userName = cell(row, 'userName') ?? cell(row, 'email');
    // JSON exports carry booleans, CSV ones text.
    const active = row['active'];
    const activeText =
      typeof active === 'boolean' ? String(active) : (cell(row, 'active') ?? 'true').toLowerCase();
    if (userName === undefined) {
      problems.push(`row ${String(index + 1)}: no userName`);
      continue;
    }
    if (activeText !== 'true' && activeText !== 'false') {
      problems.push(`row ${String(index + 1)}: active must be true or false`);
      continue;
    }
    const [existing] = (await deps.store.directory.listProvisioned(userName, 0, 1)).people;
    const entry: DirectoryEntry = {
      scimId: existing?.scimId ?? randomUUID(),
      userName,
      name: cell(row, 'name'),
      title: cell(row, 'title'),
      department: cell(row, 'department'),
      manager: cell(row, 'manager'),
      location: cell(row, 'location'),
      externalId: cell(row, 'externalId'),
      active: activeText === 'true',
    };
    const stored = await provisionPerson(deps, entry, 'import');
    if (stored === 'conflict') problems.push(`row ${String(index + 1)}: ${userName} is taken`);
    else if (!stored.active) deactivated += 1;
    else if (existing === undefined) provisioned += 1;
    else updated += 1;
  }
  return { provisioned, updated, deactivated, problems };
}
