/** Why an .ics file was refused. */
export type IcsErrorCode = 'too-large' | 'not-utf8' | 'malformed' | 'no-event' | 'bad-date';

/** A refused .ics file, with a machine-readable code and a message for people. */
export class IcsError extends Error {
  readonly code: IcsErrorCode;

  constructor(code: IcsErrorCode, message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'IcsError';
    this.code = code;
  }
}
