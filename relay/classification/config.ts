/**
 * The relay's classification flags, parsed beside the governance flags with
 * the same precedence (flag, environment, default).
 */
import { DEFAULT_SPACE_LABEL, LabelIdSchema } from '../../shared/classification-api.ts';
import { pick, type Env, type FlagValues } from '../cli-values.ts';

/** `parseArgs` options of these flags. */
export const CLASSIFICATION_OPTIONS = {
  'default-classification': { type: 'string' },
  'internal-domains': { type: 'string' },
} as const;

/** Their lines of `--help`. */
export const CLASSIFICATION_HELP = `  --default-classification <id>  label of unlabelled spaces (RELAY_DEFAULT_CLASSIFICATION, default internal)
  --internal-domains <d,…>  the company's own email domains; others are external
                           (RELAY_INTERNAL_DOMAINS, default the --allowed-domains list)`;

/** `internalDomains` null: not configured (the relay's allowed domains count as internal). */
export interface ParsedClassification {
  readonly defaultLabel: string;
  readonly internalDomains: readonly string[] | null;
}

type Values = FlagValues;

/**
 * The classification settings, or a message naming the bad flag. Without
 * `--internal-domains` the relay's allowed domains are the internal ones.
 */
export function parseClassification(values: Values, env: Env): ParsedClassification | string {
  const [labelText, labelSource] = pick(
    values,
    env,
    'default-classification',
    'RELAY_DEFAULT_CLASSIFICATION',
  );
  const defaultLabel = labelText?.trim() ?? DEFAULT_SPACE_LABEL;
  if (!LabelIdSchema.safeParse(defaultLabel).success) {
    return `${labelSource} must be a label id (lower-case letters, digits, "-"), got "${defaultLabel}"`;
  }
  const [domainsText, domainsSource] = pick(
    values,
    env,
    'internal-domains',
    'RELAY_INTERNAL_DOMAINS',
  );
  if (domainsText === undefined) return { defaultLabel, internalDomains: null };
  const internalDomains = domainsText
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  const bad = internalDomains.find((d) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));
  if (bad !== undefined) return `${domainsSource}: "${bad}" is not a domain`;
  return { defaultLabel, internalDomains };
}
