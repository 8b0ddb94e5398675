/** Reading stored label lists back, the same for both backends. */
import {
  ClassificationLabelsSchema,
  type ClassificationLabel,
} from '../../shared/classification-api.ts';

/** The stored JSON list, checked: a corrupt row is an error, never a silently looser policy. */
export function parseLabels(text: unknown): ClassificationLabel[] {
  if (typeof text !== 'string') throw new Error('corrupt classification_labels row');
  return ClassificationLabelsSchema.parse(JSON.parse(text));
}

/** The first stored space label whose id the new list lacks, or null. */
export function droppedInUse(
  used: readonly string[],
  labels: readonly ClassificationLabel[],
): string | null {
  const kept = new Set(labels.map((l) => l.id));
  return used.find((id) => !kept.has(id)) ?? null;
}
