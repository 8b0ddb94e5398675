/** Why the note index refused an input. Nothing changes when one is thrown. */
export type NoteIndexErrorCode = 'invalid-note' | 'invalid-snapshot';

/** A refused input, with a machine-readable code and a message for people. */
export class NoteIndexError extends Error {
  readonly code: NoteIndexErrorCode;

  constructor(code: NoteIndexErrorCode, message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'NoteIndexError';
    this.code = code;
  }
}
