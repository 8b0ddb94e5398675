/**
 * The relay's REST API, one table: each route of the shared contract
 * (shared/rest) with its handler, gathered from the routes-*.ts files. The
 * dispatcher (api.ts) and the OpenAPI document (openapi.ts) are both built
 * from it, so they cannot drift apart. Order matters where templates
 * overlap: the first match wins (routes-files.ts puts `files/limits` before
 * `files/{fileId}`).
 */
import { ADOPTION_ROUTES } from '../adoption/routes.ts';
import { CLASSIFICATION_ROUTES } from '../classification/routes.ts';
import { KNOWLEDGE_ROUTES } from '../knowledge/routes.ts';
import { NOTIFICATION_ROUTES } from '../notifications/routes.ts';
import type { ApiRoute } from './api-types.ts';
import { POLICY_ROUTES } from './routes-acceptable-use.ts';
import { ADMIN_ROUTES } from './routes-admin.ts';
import { FILE_ROUTES } from './routes-files.ts';
import { HISTORY_ROUTES } from './routes-history.ts';
import { LEGAL_ROUTES } from './routes-legal.ts';
import { MEMBER_ROUTES } from './routes-members.ts';
import { NOTE_ROUTES } from './routes-notes.ts';
import { OPEN_SPACE_ROUTES } from './routes-open-spaces.ts';
import { SPACE_SETTINGS_ROUTES } from './routes-space-settings.ts';
import { SPACE_ROUTES } from './routes-spaces.ts';
import { TOKEN_ROUTES } from './routes-tokens.ts';
import { TRASH_ROUTES } from './routes-trash.ts';
import { WEBHOOK_ROUTES } from './routes-webhooks.ts';

export type * from './api-types.ts';
export { DIRECTORY_LIMIT, DIRECTORY_QUERY_MAX } from '../../shared/rest/index.ts';

export const API_ROUTES: readonly ApiRoute[] = [
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
];
