/**
 * Classification of spaces: the company list of labels (admins set it), each
 * space's label (owners and admins set it), and the export grant the app
 * asks for before it builds an export. Rules in relay/classification/routes.ts.
 */
import {
  ClassificationResponseSchema,
  ExportGrantSchema,
  SetLabelsRequestSchema,
  SetSpaceLabelRequestSchema,
  SpaceLabelResponseSchema,
} from '../classification-api.ts';
import { defineRoutes } from './contract.ts';

export const CLASSIFICATION_ROUTES = defineRoutes({
  getClassification: {
    method: 'GET',
    path: '/api/classification',
    operationId: 'getClassification',
    summary:
      'The company’s classification labels with their policies, the default label, and the label of each of the caller’s spaces.',
    auth: true,
    responses: { 200: { description: 'labels', schema: ClassificationResponseSchema } },
    errors: [],
  },
  setClassificationLabels: {
    method: 'PUT',
    path: '/api/admin/classification',
    operationId: 'setClassificationLabels',
    summary:
      'Replaces the company’s list of labels and their policies (admins only). A label still used by a space, or the default label, cannot be removed (409).',
    auth: true,
    body: SetLabelsRequestSchema,
    responses: {
      200: { description: 'the list as now stored', schema: ClassificationResponseSchema },
    },
    errors: [403, 409],
  },
  setSpaceLabel: {
    method: 'PUT',
    path: '/api/spaces/{id}/classification',
    operationId: 'setSpaceLabel',
    summary: 'Sets a space’s classification label from the company list (owners and admins).',
    auth: true,
    body: SetSpaceLabelRequestSchema,
    responses: {
      200: { description: 'the label as now stored', schema: SpaceLabelResponseSchema },
    },
    errors: [403, 404, 409],
  },
  grantSpaceExport: {
    method: 'POST',
    path: '/api/spaces/{id}/export-grant',
    operationId: 'grantSpaceExport',
    summary:
      'Asks to export a space (members only): granted and audited when its label allows export, else 403 `classification_forbids_export`.',
    auth: true,
    responses: { 200: { description: 'granted', schema: ExportGrantSchema } },
    errors: [403, 404],
  },
});
