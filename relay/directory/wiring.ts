/** The relay's directory: demo people provisioned at start, and the SCIM endpoint when configured. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Auditor } from '../audit/auditor.ts';
import type { Fanout } from '../fanout/types.ts';
import type { Logger } from '../log.ts';
import type { SpaceStore } from '../spaces/types.ts';
import { provisionPerson, type ProvisionDeps } from './provision.ts';
import { createScimHandler, withScim } from './scim-handler.ts';
import type { DirectoryEntry } from './types.ts';

export interface DirectoryOptions {
  /** Bearer token of SCIM provisioning at `/scim/v2`; SCIM is off when absent. */
  readonly scimToken?: string | undefined;
  /** People provisioned at start, as SCIM would (the development IdP's demo employees). */
  readonly provisionAtStart?: readonly DirectoryEntry[] | undefined;
}

export interface DirectoryWiringDeps {
  readonly store: SpaceStore;
  readonly fanout: Pick<Fanout, 'publishMembership'>;
  readonly auditor: Pick<Auditor, 'record'>;
  readonly log: Logger;
  /** The group (display name) whose members are company admins, to audit grants by SCIM. */
  readonly adminGroup?: string | undefined;
}

/** Provisions the start-up people, then wraps `handler` with `/scim/v2` when a token is set. */
export async function wireDirectory(
  options: DirectoryOptions | undefined,
  deps: DirectoryWiringDeps,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  const provision: ProvisionDeps = {
    store: deps.store,
    publishMembership: (change) => {
      deps.fanout.publishMembership(change);
    },
    audit: (input) => {
      deps.auditor.record(input);
    },
  };
  for (const entry of options?.provisionAtStart ?? []) {
    // Unchanged demo people are written again on every start; cheap and idempotent.
    await provisionPerson(provision, entry, 'development-idp');
  }
  const token = options?.scimToken;
  return withScim(
    handler,
    token === undefined
      ? undefined
      : createScimHandler({ ...provision, token, log: deps.log, adminGroup: deps.adminGroup }),
  );
}
