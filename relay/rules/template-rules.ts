/**
 * The space index's template rules, judged by the relay on every update (the
 * client checks the same caps first, only to explain them early): at most
 * `MAX_TEMPLATES` templates and `MAX_TEMPLATES_TOTAL_LENGTH` characters of
 * content together, since every member loads the index before the sidebar
 * shows; every template written is well-formed and names its sender as
 * `createdBy`. Removing a template is any editor's right (templates belong to
 * the space). A cap only refuses growth: an index already past it (an older
 * relay let it grow) can still shrink.
 */
import * as Y from 'yjs';
import {
  MAX_TEMPLATES,
  MAX_TEMPLATES_TOTAL_LENGTH,
  readTemplate,
  templatesMap,
} from '../../shared/space-templates/index.ts';
import { jsonText } from './comment-rules.ts';

interface Entry {
  readonly raw: string;
  readonly valid: boolean;
  readonly createdBy: string | null;
  readonly length: number;
}

function entries(doc: Y.Doc): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [id, value] of templatesMap(doc).entries()) {
    const template = readTemplate(id, value);
    const createdBy =
      typeof value === 'object' && value !== null && 'createdBy' in value ? value.createdBy : null;
    out.set(id, {
      raw: jsonText(value instanceof Y.AbstractType ? value.toJSON() : value),
      valid: template !== null,
      createdBy: typeof createdBy === 'string' ? createdBy : null,
      length: template?.content.length ?? 0,
    });
  }
  return out;
}

const total = (all: Map<string, Entry>): number =>
  [...all.values()].reduce((sum, e) => sum + e.length, 0);

/** Why the templates of `after` are refused for `me`, or null when they are fine. */
export function checkTemplates(before: Y.Doc, after: Y.Doc, me: string): string | null {
  const old = entries(before);
  const next = entries(after);
  for (const [id, entry] of next) {
    if (old.get(id)?.raw === entry.raw) continue;
    if (!entry.valid) return 'a template must be well-formed';
    if (entry.createdBy !== me) return 'a template can only be saved as yourself';
  }
  if (next.size > MAX_TEMPLATES && next.size > old.size) {
    return `a space has at most ${String(MAX_TEMPLATES)} templates`;
  }
  const size = total(next);
  if (size > MAX_TEMPLATES_TOTAL_LENGTH && size > total(old)) {
    return `a space's templates take at most ${String(MAX_TEMPLATES_TOTAL_LENGTH / (1024 * 1024))} MiB together`;
  }
  return null;
}
