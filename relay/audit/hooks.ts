/**
 * Turns what the relay reports into audit entries, at the few places every
 * refusal and change passes through: the authenticator (sign-ins), a
 * socket's close and refused updates, and the REST dispatcher's error and
 * success answers (membership, spaces, admin actions), so no route has to
 * remember to audit.
 *
 * A refusal is audited when its person is known, or when a valid token was
 * refused by policy (403): refusals of anonymous callers (bad tokens, the
 * relay-wide connection cap) would let anyone on the network fill the log.
 */
import { CloseCode } from '../../shared/wire.ts';
import { ANONYMOUS, type Authenticator } from '../pipeline/auth.ts';
import { roomFromPath } from '../pipeline/room-from-url.ts';
import { originOf, type Auditor } from './auditor.ts';
import type { HttpRefusal, HttpServed, SocketRefusal } from './events.ts';
import type { AuditDetail, AuditKind } from './types.ts';

/** Sessions remembered as signed in; cleared when it grows past this. */
const MEMO_LIMIT = 10_000;

/** Close codes that refuse a member (others are shutdowns, errors, normal closes). */
const AUDITED_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.MalformedMessage,
  CloseCode.Forbidden,
  CloseCode.UpdateTooCostly,
  CloseCode.Overloaded,
  CloseCode.MessageTooLarge,
]);

/** HTTP statuses that refuse a member. */
const AUDITED_STATUSES: ReadonlySet<number> = new Set([403, 413, 429]);

/**
 * Wraps `inner` so that a person's first verified credential of a session
 * (one token, until it expires) is audited as a sign-in, from the socket or
 * REST call that presented it.
 */
export function auditingSignIns(inner: Authenticator, auditor: Auditor): Authenticator {
  const seen = new Set<string>();
  return {
    async authenticate(request) {
      const result = await inner.authenticate(request);
      if (!result.ok || result.value.id === ANONYMOUS.id) return result;
      const session = `${result.value.id}\u0000${String(result.value.expiresAtMs ?? '')}`;
      if (!seen.has(session)) {
        if (seen.size >= MEMO_LIMIT) seen.clear();
        seen.add(session);
        auditor.record({
          kind: 'sign-in',
          actor: result.value.id,
          ...originOf(request.headers, request.remoteAddress),
          detail: {
            via: request.headers.upgrade === undefined ? 'rest' : 'websocket',
            email: result.value.email ?? null,
          },
        });
      }
      return result;
    },
  };
}

/** Audits a socket's refusal (see the module's note on anonymous callers). */
export function auditSocketRefusal(auditor: Auditor, refusal: SocketRefusal): void {
  if (refusal.code !== null && !AUDITED_CLOSE_CODES.has(refusal.code)) return;
  if (refusal.principal === null && refusal.code !== CloseCode.Forbidden) return;
  const room = roomFromPath(refusal.path);
  auditor.record({
    kind: 'refused',
    actor: refusal.principal?.id ?? null,
    space: room.ok ? room.value.spaceId : null,
    target: room.ok ? room.value.docId : null,
    ...originOf(refusal.headers, refusal.remoteAddress),
    detail: {
      channel: 'websocket',
      code: refusal.code,
      reason: refusal.reason.slice(0, 200),
    },
  });
}

/** Audits a REST refusal with 403, 413 or 429. */
export function auditHttpRefusal(auditor: Auditor, refusal: HttpRefusal): void {
  if (!AUDITED_STATUSES.has(refusal.status)) return;
  if (refusal.principal === null && refusal.status !== 403) return;
  const space = /^\/api\/(?:spaces|trash\/spaces|admin\/spaces)\/([^/]+)/.exec(refusal.path)?.[1];
  auditor.record({
    kind: 'refused',
    actor: refusal.principal?.id ?? null,
    space: space === undefined ? null : safeDecode(space),
    target: refusal.operationId,
    ...originOf(refusal.headers, refusal.remoteAddress),
    detail: {
      channel: 'rest',
      method: refusal.method,
      path: refusal.path.slice(0, 200),
      status: refusal.status,
      code: refusal.code,
      reason: refusal.message.slice(0, 200),
    },
  });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** REST operations that change who may see what, or are admin actions, by their audit kind. */
const SERVED_KINDS: Readonly<Record<string, AuditKind>> = {
  createSpace: 'space.created',
  deleteSpace: 'space.deleted',
  restoreSpace: 'space.restored',
  setMember: 'member.set',
  removeMember: 'member.removed',
  recordSpaceExport: 'space.exported',
  listAllPeople: 'admin.people.listed',
  listAllSpaces: 'admin.spaces.listed',
  recoverSpace: 'admin.space.recovered',
  listAuditEntries: 'admin.audit.queried',
  exportAuditEntries: 'admin.audit.exported',
  verifyAuditLog: 'admin.audit.verified',
  setCompanyRetention: 'legal.retention.set',
  setSpaceRetention: 'legal.retention.set',
  createHold: 'legal.hold.created',
  releaseHold: 'legal.hold.released',
  exportHold: 'legal.exported',
  acceptPolicy: 'policy.accepted',
  publishPolicy: 'policy.published',
  getAdminPolicy: 'admin.policy.viewed',
  createCompanyWebhook: 'webhook.created',
  createSpaceWebhook: 'webhook.created',
  updateWebhook: 'webhook.updated',
  deleteWebhook: 'webhook.deleted',
  testWebhook: 'webhook.tested',
  setSpaceLabel: 'space.classified',
  setClassificationLabels: 'admin.classification.set',
  grantSpaceExport: 'space.exported',
  setChampion: 'admin.champion.set',
  getAdoption: 'admin.adoption.viewed',
  createAccessToken: 'token.created',
  revokeAccessToken: 'token.revoked',
  createServiceAccount: 'admin.service-account.created',
  revokeServiceAccount: 'admin.service-account.revoked',
  setSpaceVisibility: 'space.visibility.set',
  joinSpace: 'member.joined',
  leaveSpace: 'member.left',
  rotateServiceAccount: 'admin.service-account.rotated',
  setServiceAccountSpace: 'admin.service-account.assigned',
};

function field(value: unknown, key: string): string | null {
  const found = member(value, key);
  return typeof found === 'string' ? found : null;
}

/** The facts of a legal action: the case and scope of a hold, the days of a policy. */
function legalDetail(served: HttpServed, detail: AuditDetail): void {
  const body = served.operationId === 'createHold' ? served.body : served.result;
  const caseName = field(body, 'caseName');
  if (caseName !== null) detail['caseName'] = caseName.slice(0, 200);
  const scope = (body as { scope?: unknown } | null)?.scope;
  for (const key of ['kind', 'spaceId', 'personId']) {
    const value = field(scope, key);
    if (value !== null) detail[`scope.${key}`] = value;
  }
  if (served.operationId.endsWith('Retention')) {
    for (const key of ['trashDays', 'historyDays']) {
      const value = (served.body as Record<string, unknown> | null)?.[key];
      if (typeof value === 'number' || value === null) detail[key] = value ?? null;
    }
  }
}

function member(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return null;
  return (value as Record<string, unknown>)[key];
}

/** Audits a successful REST call when its operation is one of `SERVED_KINDS`. */
export function auditHttpServed(auditor: Auditor, served: HttpServed): void {
  const kind = SERVED_KINDS[served.operationId];
  if (kind === undefined) return;
  const detail: AuditDetail = { operation: served.operationId, status: served.status };
  const role = field(served.body, 'role');
  if (role !== null) detail['role'] = role;
  legalDetail(served, detail);
  // The policy version accepted (in the body) or published (in the answer).
  const version = member(served.body, 'version') ?? member(served.result, 'version');
  if (typeof version === 'number') detail['version'] = version;
  // A space's classification label: the one set, or the one an export was granted under.
  const label = field(served.body, 'label') ?? field(served.result, 'label');
  if (label !== null) detail['label'] = label;
  const champion = member(served.body, 'champion');
  if (typeof champion === 'boolean') detail['champion'] = champion;
  // An access token's scopes (never its secret, which only the answer holds).
  const scopes = member(served.body, 'scopes');
  if (Array.isArray(scopes)) detail['scopes'] = scopes.join(',').slice(0, 100);
  // A visibility change, or the role a join gave.
  for (const key of ['visibility', 'joinRole']) {
    const value = field(served.result, key);
    if (value !== null) detail[key] = value;
  }
  if (served.operationId === 'joinSpace') detail['role'] = field(served.result, 'role');
  const filters = served.query.toString();
  if (filters !== '') detail['query'] = filters.slice(0, 500);
  auditor.record({
    kind,
    actor: served.principal.id,
    space: served.params['id'] ?? (kind === 'space.created' ? field(served.result, 'id') : null),
    target:
      served.params['userId'] ??
      served.params['holdId'] ??
      served.params['webhookId'] ??
      served.params['tokenId'] ??
      field(served.body, 'userId') ??
      (kind === 'legal.hold.created' ||
      kind === 'webhook.created' ||
      kind === 'token.created' ||
      kind === 'admin.service-account.created'
        ? field(served.result, 'id')
        : null),
    ...originOf(served.headers, served.remoteAddress),
    detail,
  });
}
