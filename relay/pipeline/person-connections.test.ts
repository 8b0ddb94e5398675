import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/wire.ts';
import { allowAllAuthorizer, type Authorizer } from './auth.ts';
import { PersonConnections } from './person-connections.ts';
import { refuse } from './types.ts';

/** A stand-in socket: only the two members the count reads (the real one is a `ws` WebSocket). */
class FakeSocket extends EventEmitter {
  readyState = 1;
  close(): void {
    this.readyState = 3;
    this.emit('close');
  }
}

const room = { spaceId: 'team', docId: 'notes' };

describe('PersonConnections', () => {
  it('refuses a person past their share with 4429 naming the limit, and admits others', async () => {
    const limits = new PersonConnections(2);
    const sockets = [new FakeSocket(), new FakeSocket(), new FakeSocket(), new FakeSocket()];
    const admit = (i: number, id: string) =>
      limits.authorizerFor(allowAllAuthorizer, sockets[i] as FakeSocket).authorize({ id }, room);
    expect((await admit(0, 'ada')).ok).toBe(true);
    expect((await admit(1, 'ada')).ok).toBe(true);
    const refused = await admit(2, 'ada');
    expect(refused).toMatchObject({ ok: false, code: CloseCode.Overloaded });
    expect(!refused.ok && refused.reason).toMatch(/maxConnectionsPerPerson.*retry in \d+ s/);
    expect((await admit(3, 'grace')).ok).toBe(true);
    sockets[0]?.close();
    expect(limits.openOf('ada')).toBe(1);
    expect((await admit(2, 'ada')).ok).toBe(true);
  });

  it('counts nothing for a socket refused by the access stage or already closed', async () => {
    const limits = new PersonConnections(1);
    const deny: Authorizer = { authorize: () => refuse(CloseCode.Forbidden, 'no') };
    await limits.authorizerFor(deny, new FakeSocket()).authorize({ id: 'ada' }, room);
    const closed = new FakeSocket();
    closed.readyState = 3;
    await limits.authorizerFor(allowAllAuthorizer, closed).authorize({ id: 'ada' }, room);
    expect(limits.openOf('ada')).toBe(0);
  });
});
