import { describe, expect, it } from 'vitest';
import { isPrivateAddress, targetProblem } from './target.ts';

describe('webhook targets', () => {
  it('accepts public https URLs only, unless developing locally', () => {
    expect(targetProblem('https://hooks.example.com/in', false)).toBeNull();
    expect(targetProblem('http://hooks.example.com/in', false)).toMatch(/https/);
    expect(targetProblem('ftp://example.com', false)).toMatch(/https/);
    expect(targetProblem('not a url', false)).toBe('not a URL');
    expect(targetProblem('https://user:pw@example.com/', false)).toMatch(/credentials/);
    expect(targetProblem('https://127.0.0.1/x', false)).toMatch(/private/);
    expect(targetProblem('https://[::1]/x', false)).toMatch(/private/);
    expect(targetProblem('https://169.254.169.254/latest', false)).toMatch(/private/);
    expect(targetProblem('https://localhost/x', false)).toMatch(/private/);
    expect(targetProblem('http://127.0.0.1:8080/x', true)).toBeNull();
    expect(targetProblem('http://localhost:8080/x', true)).toBeNull();
    expect(targetProblem('http://hooks.example.com/x', true)).toMatch(/localhost/);
  });

  it('knows private, loopback and link-local addresses', () => {
    for (const ip of [
      '10.1.2.3',
      '127.0.0.1',
      '169.254.169.254',
      '172.31.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(ip), ip).toBe(true);
    }
    for (const ip of ['8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:1.1.1.1']) {
      expect(isPrivateAddress(ip), ip).toBe(false);
    }
  });
});
