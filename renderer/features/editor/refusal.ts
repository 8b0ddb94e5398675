import { CloseCode } from '../../../shared/wire.ts';

/** Why the relay refused a room for good (close codes of shared/wire.ts), in a few words. */
export function refusal(code: number, reason: string): string {
  const why =
    code === CloseCode.Unauthorized
      ? 'not signed in'
      : code === CloseCode.Forbidden
        ? 'no access to this space'
        : code === CloseCode.InvalidRoom
          ? 'not a valid note'
          : `closed with code ${code}`;
  return reason ? `${why}: ${reason}` : why;
}

/** The sentence shown in place of a note the relay refused. */
export function refusalMessage(code: number, reason: string): string {
  return `The relay refused this note (${refusal(code, reason)}).`;
}
