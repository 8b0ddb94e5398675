/** A policy as read from one source, before the schema has checked it. */
export interface RawPolicy {
  readonly enforced: Readonly<Record<string, unknown>>;
  readonly defaults: Readonly<Record<string, unknown>>;
}
