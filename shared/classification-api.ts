import { z } from 'zod';

/**
 * Classification of spaces: the company's list of labels (Public, Internal,
 * Confidential, Restricted by default), each with a policy saying what may
 * leave the space. The relay enforces export and sharing with people outside
 * the company's internal domains; the app enforces copying out of the editor
 * and keeping an offline copy, which only it can see happen.
 */

/** A label's id: stable, lower case, used in stored rows and audit entries. */
export const LabelIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);

/** Colours the app can draw a banner in with enough contrast, light and dark. */
export const LABEL_COLOURS = ['green', 'blue', 'amber', 'red', 'purple', 'grey'] as const;
export const LabelColourSchema = z.enum(LABEL_COLOURS);
export type LabelColour = z.infer<typeof LabelColourSchema>;

/** One label of the company list and what it allows. */
export const ClassificationLabelSchema = z
  .object({
    id: LabelIdSchema,
    name: z.string().trim().min(1).max(40),
    colour: LabelColourSchema,
    /** The space may be exported (Markdown archive); enforced by the relay. */
    exportAllowed: z.boolean(),
    /** Text may be copied or cut out of its notes; enforced by the app. */
    copyOutAllowed: z.boolean(),
    /** People outside the internal domains may be added; enforced by the relay. */
    externalSharingAllowed: z.boolean(),
    /** Devices may keep an offline copy of its notes; enforced by the app. */
    offlineAllowed: z.boolean(),
  })
  .strict();
export type ClassificationLabel = z.infer<typeof ClassificationLabelSchema>;

/** The company list: 1 to 20 labels, ids unique, in display order. */
export const ClassificationLabelsSchema = z
  .array(ClassificationLabelSchema)
  .min(1)
  .max(20)
  .refine((labels) => new Set(labels.map((l) => l.id)).size === labels.length, {
    error: 'label ids must be unique',
  });

/** The list a relay starts with until an admin sets another. */
export const DEFAULT_CLASSIFICATION_LABELS: readonly ClassificationLabel[] = [
  {
    id: 'public',
    name: 'Public',
    colour: 'green',
    exportAllowed: true,
    copyOutAllowed: true,
    externalSharingAllowed: true,
    offlineAllowed: true,
  },
  {
    id: 'internal',
    name: 'Internal',
    colour: 'blue',
    exportAllowed: true,
    copyOutAllowed: true,
    externalSharingAllowed: true,
    offlineAllowed: true,
  },
  {
    id: 'confidential',
    name: 'Confidential',
    colour: 'amber',
    exportAllowed: true,
    copyOutAllowed: true,
    externalSharingAllowed: false,
    offlineAllowed: true,
  },
  {
    id: 'restricted',
    name: 'Restricted',
    colour: 'red',
    exportAllowed: false,
    copyOutAllowed: false,
    externalSharingAllowed: false,
    offlineAllowed: false,
  },
];

/** The label of spaces nobody labelled, unless the relay is configured otherwise. */
export const DEFAULT_SPACE_LABEL = 'internal';

/**
 * `GET /api/classification`: the company list, the label of unlabelled
 * spaces, and the label of each space the caller is a member of.
 */
export const ClassificationResponseSchema = z.object({
  labels: z.array(ClassificationLabelSchema),
  defaultLabel: LabelIdSchema,
  /** Space id → label id, for the caller's spaces. */
  spaces: z.record(z.string(), LabelIdSchema),
});
export type ClassificationResponse = z.infer<typeof ClassificationResponseSchema>;

/** `PUT /api/admin/classification` body (admins). */
export const SetLabelsRequestSchema = z.object({ labels: ClassificationLabelsSchema }).strict();
export type SetLabelsRequest = z.infer<typeof SetLabelsRequestSchema>;

/** `PUT /api/spaces/{id}/classification` body (owners and admins). */
export const SetSpaceLabelRequestSchema = z.object({ label: LabelIdSchema }).strict();
export type SetSpaceLabelRequest = z.infer<typeof SetSpaceLabelRequestSchema>;

export const SpaceLabelResponseSchema = z.object({ spaceId: z.string(), label: LabelIdSchema });
export type SpaceLabelResponse = z.infer<typeof SpaceLabelResponseSchema>;

/** `POST /api/spaces/{id}/export-grant`: the relay's yes to one export, for the audit log. */
export const ExportGrantSchema = z.object({ spaceId: z.string(), label: LabelIdSchema });
export type ExportGrant = z.infer<typeof ExportGrantSchema>;

/** Error codes of the classification's refusals (403). */
export const CLASSIFICATION_ERRORS = {
  export: 'classification_forbids_export',
  externalSharing: 'classification_forbids_external_sharing',
} as const;

/**
 * The label that applies to a space: its own when the company list still
 * has it, else the default label, else the list's most restrictive-looking
 * last entry (a list without the default must not loosen anything).
 */
export function effectiveLabel(
  labels: readonly ClassificationLabel[],
  defaultLabel: string,
  own: string | null | undefined,
): ClassificationLabel | null {
  return (
    labels.find((l) => l.id === own) ??
    labels.find((l) => l.id === defaultLabel) ??
    labels.at(-1) ??
    null
  );
}
