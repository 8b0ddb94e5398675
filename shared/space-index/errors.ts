/** Why a write to the page tree was refused. Nothing is written when one is thrown. */
export type SpaceIndexErrorCode =
  | 'invalid-id'
  | 'duplicate-id'
  | 'not-found'
  | 'invalid-title'
  | 'invalid-icon'
  | 'invalid-kind'
  | 'invalid-user'
  | 'invalid-position'
  | 'archived-parent'
  | 'cycle'
  | 'invalid-marker';

/** A refused write, with a machine-readable code and a message for people. */
export class SpaceIndexError extends Error {
  readonly code: SpaceIndexErrorCode;

  constructor(code: SpaceIndexErrorCode, message: string) {
    super(message);
    this.name = 'SpaceIndexError';
    this.code = code;
  }
}
