import { describe, expect, it } from 'vitest';
import { FILE_ID_PATTERN } from '../../../shared/files-api.ts';
import { base64url, fileIdOf } from './file-id.ts';

describe('file ids in the renderer', () => {
  it('are the relay’s: base64url SHA-256 (FIPS 180-2 test vector "abc")', async () => {
    const id = await fileIdOf(new TextEncoder().encode('abc'));
    expect(id).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    expect(FILE_ID_PATTERN.test(id)).toBe(true);
  });

  it('encode base64url without padding', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});
