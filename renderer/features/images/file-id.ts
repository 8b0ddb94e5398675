/** `bytes` as base64url without padding (RFC 4648 §5). */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The id the relay gives `bytes` (shared/files-api.ts: base64url SHA-256),
 * computed here so a pasted image can be named in the note before it is
 * uploaded, offline too.
 */
export async function fileIdOf(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return base64url(new Uint8Array(digest));
}
