/**
 * The relay's REST API, described once: every route by its operation id.
 * The relay serves exactly these (relay/http/api-routes.ts attaches a handler
 * to each, and a test checks that none is missing or extra); the renderer's
 * clients call them by description (renderer/api/api-call.ts); the OpenAPI
 * document is generated from them.
 */
import { POLICY_ROUTES } from './acceptable-use.ts';
import { ADMIN_ROUTES } from './admin.ts';
import { ADOPTION_ROUTES } from './adoption.ts';
import { CLASSIFICATION_ROUTES } from './classification.ts';
import { defineRoutes } from './contract.ts';
import { FILE_ROUTES } from './files.ts';
import { HISTORY_ROUTES } from './history.ts';
import { KNOWLEDGE_ROUTES } from './knowledge.ts';
import { LEGAL_ROUTES } from './legal.ts';
import { MEMBER_ROUTES } from './members.ts';
import { NOTE_ROUTES } from './notes.ts';
import { OPEN_SPACE_ROUTES } from './open-spaces.ts';
import { NOTIFICATION_ROUTES } from './notifications.ts';
import { SPACE_SETTINGS_ROUTES } from './space-settings.ts';
import { SPACE_ROUTES } from './spaces.ts';
import { TOKEN_ROUTES } from './tokens.ts';
import { TRASH_ROUTES } from './trash.ts';
import { WEBHOOK_ROUTES } from './webhooks.ts';

export * from './contract.ts';
export { DIRECTORY_LIMIT, DIRECTORY_QUERY_MAX } from './spaces.ts';

/** `GET /api/openapi.json`: the document generated from this contract. */
export const OPENAPI_PATH = '/api/openapi.json';

export const API = {
  ...SPACE_ROUTES,
  ...MEMBER_ROUTES,
  ...SPACE_SETTINGS_ROUTES,
  ...FILE_ROUTES,
  ...HISTORY_ROUTES,
  ...TRASH_ROUTES,
  ...ADMIN_ROUTES,
  ...LEGAL_ROUTES,
  ...POLICY_ROUTES,
  ...WEBHOOK_ROUTES,
  ...CLASSIFICATION_ROUTES,
  ...ADOPTION_ROUTES,
  ...TOKEN_ROUTES,
  ...NOTE_ROUTES,
  ...KNOWLEDGE_ROUTES,
  ...OPEN_SPACE_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...defineRoutes({
    getOpenApi: {
      method: 'GET',
      path: OPENAPI_PATH,
      operationId: 'getOpenApi',
      summary: 'This OpenAPI 3.1 document.',
      auth: false,
      responses: { 200: { description: 'the OpenAPI document' } },
      errors: [],
    },
  }),
} as const;

export type ApiOperationId = keyof typeof API;
