/** The classification policy for server.ts: its store (opened here on SQLite) and settings. */
import { DEFAULT_SPACE_LABEL } from '../../shared/classification-api.ts';
import { Classification, type ClassificationConfig } from './policy.ts';
import { SqliteClassificationStore } from './sqlite-store.ts';
import type { ClassificationStore } from './types.ts';

export interface ClassificationOptions {
  /** Label of unlabelled spaces; `internal` by default. */
  readonly defaultLabel?: string;
  /** The company's own email domains; the relay's allowed domains when absent. */
  readonly internalDomains?: readonly string[];
}

export interface OpenedClassification {
  readonly policy: Classification;
  /** Closes the store if it was opened here. */
  close(): Promise<void>;
}

/** The policy on `store` (PostgreSQL, closed by its owner) or on `classification.sqlite` in `dataDir`. */
export function openClassification(
  store: ClassificationStore | { readonly dataDir: string },
  options: ClassificationOptions | undefined,
  allowedDomains: readonly string[] | undefined,
): OpenedClassification {
  const own = 'dataDir' in store ? new SqliteClassificationStore(store) : null;
  const config: ClassificationConfig = {
    defaultLabel: options?.defaultLabel ?? DEFAULT_SPACE_LABEL,
    internalDomains: (options?.internalDomains ?? allowedDomains ?? []).map((d) => d.toLowerCase()),
  };
  return {
    policy: new Classification(own ?? (store as ClassificationStore), config),
    close: () => {
      own?.close();
      return Promise.resolve();
    },
  };
}
