/**
 * The classification store: the company's label list (one row, as JSON: it
 * is read whole and replaced whole) and each space's label. SQLite
 * (`classification.sqlite`) or PostgreSQL behind one interface; methods may
 * answer synchronously or with a promise, callers always `await`.
 */
import type { ClassificationLabel } from '../../shared/classification-api.ts';
import type { MaybePromise } from '../storage/types.ts';

/** Why a new list was not stored: a label it drops is still some space's label. */
export interface LabelInUse {
  readonly inUse: string;
}

export interface ClassificationStore {
  /** The stored list, or null when no admin ever set one (the defaults apply). */
  labels(): MaybePromise<ClassificationLabel[] | null>;
  /** Replaces the list, unless a space still carries a label it drops (checked atomically). */
  setLabels(labels: readonly ClassificationLabel[]): MaybePromise<LabelInUse | null>;
  /** The label set on a space, or null when none was (the default applies). */
  spaceLabel(spaceId: string): MaybePromise<string | null>;
  /** Labels set on the given spaces (those without one are absent). */
  spaceLabels(spaceIds: readonly string[]): MaybePromise<Map<string, string>>;
  setSpaceLabel(spaceId: string, label: string, at: number): MaybePromise<void>;
  close(): MaybePromise<void>;
}
