/**
 * Classification routes (contract in shared/rest/classification.ts):
 * - anyone signed in reads the company list and their own spaces' labels;
 * - admins replace the list (a label some space carries, or the default
 *   label, cannot be dropped: 409);
 * - owners of a space, and admins, set its label (a label outside the list
 *   is 409 `unknown_label`);
 * - members ask for an export grant, refused with 403
 *   `classification_forbids_export` when the label forbids export.
 * Successes and the 403 refusals are audited by the dispatcher's hooks.
 */
import { API } from '../../shared/rest/index.ts';
import {
  SetLabelsRequestSchema,
  SetSpaceLabelRequestSchema,
  type ClassificationResponse,
} from '../../shared/classification-api.ts';
import type { ApiDeps, ApiRoute } from '../http/api-types.ts';
import { HttpError } from '../http/json.ts';
import { memberOf, spaceAndRole } from '../http/route-access.ts';
import type { Principal } from '../pipeline/auth.ts';

async function overview(deps: ApiDeps, principal: Principal): Promise<ClassificationResponse> {
  const { classification } = deps;
  const labels = await classification.labels();
  const ids = (await deps.store.spacesOf(principal.id)).map((s) => s.id);
  const own = await classification.store.spaceLabels(ids);
  const spaces: Record<string, string> = {};
  for (const id of ids) {
    const label = labels.find((l) => l.id === own.get(id));
    spaces[id] = label?.id ?? (await classification.labelOf(id)).id;
  }
  return { labels, defaultLabel: classification.config.defaultLabel, spaces };
}

export const CLASSIFICATION_ROUTES: readonly ApiRoute[] = [
  {
    ...API.getClassification,
    handle: async (deps, req) => ({ status: 200, body: await overview(deps, req.principal) }),
  },
  {
    ...API.setClassificationLabels,
    handle: async (deps, req) => {
      if (!(await deps.admin.isAdmin(req.principal))) {
        throw new HttpError(403, 'forbidden', 'only company admins may do this');
      }
      const { labels } = SetLabelsRequestSchema.parse(req.body);
      const { defaultLabel } = deps.classification.config;
      if (!labels.some((l) => l.id === defaultLabel)) {
        throw new HttpError(
          409,
          'default_label_missing',
          `the list must keep the default label "${defaultLabel}" (set by the relay's configuration)`,
        );
      }
      const refused = await deps.classification.store.setLabels(labels);
      if (refused !== null) {
        throw new HttpError(
          409,
          'label_in_use',
          `label "${refused.inUse}" is still set on a space: relabel those spaces first`,
        );
      }
      return { status: 200, body: await overview(deps, req.principal) };
    },
  },
  {
    ...API.setSpaceLabel,
    handle: async (deps, req) => {
      const { spaceId, role } = await spaceAndRole(deps, req);
      if (role !== 'owner' && !(await deps.admin.isAdmin(req.principal))) {
        throw new HttpError(403, 'forbidden', 'only owners of this space and admins classify it');
      }
      const { label } = SetSpaceLabelRequestSchema.parse(req.body);
      if (!(await deps.classification.labels()).some((l) => l.id === label)) {
        throw new HttpError(409, 'unknown_label', `"${label}" is not one of the company's labels`);
      }
      // Such a label keeps a space private (routes-open-spaces.ts): an open space must close first.
      const chosen = (await deps.classification.labels()).find((l) => l.id === label);
      const open = await deps.store.openSpaces.visibilityOf(spaceId);
      if (chosen?.copyOutAllowed === false && open?.visibility === 'open') {
        throw new HttpError(
          409,
          'space_is_open',
          `${chosen.name} keeps a space private: make this space private first`,
        );
      }
      await deps.classification.store.setSpaceLabel(spaceId, label, deps.now());
      return { status: 200, body: { spaceId, label } };
    },
  },
  {
    ...API.grantSpaceExport,
    handle: async (deps, req) => {
      const { spaceId } = await memberOf(deps, req);
      const label = await deps.classification.checkExport(spaceId);
      return { status: 200, body: { spaceId, label: label.id } };
    },
  },
];
