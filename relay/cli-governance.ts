/**
 * The relay's governance flags: which IdP group holds the company admins,
 * which token claim lists groups, and how long audit entries are kept.
 * Parsed beside cli-args.ts, with the same precedence (flag, environment,
 * default). The webhook flags (webhooks/cli-flags.ts) ride along.
 */
import type { WebhookSettings } from './webhooks/service.ts';
import { parseWebhookFlags, WEBHOOK_HELP, WEBHOOK_OPTIONS } from './webhooks/cli-flags.ts';
import {
  CLASSIFICATION_HELP,
  CLASSIFICATION_OPTIONS,
  parseClassification,
  type ParsedClassification,
} from './classification/config.ts';
import { KNOWLEDGE_HELP, KNOWLEDGE_OPTIONS, parseKnowledgeFlags } from './knowledge/cli-flags.ts';
import { pick, type Env, type FlagValues } from './cli-values.ts';

export interface GovernanceConfig {
  /** The IdP group of company admins; null: none configured (the dev IdP's demo group is used with it). */
  readonly adminGroup: string | null;
  /** The token claim listing a person's groups. */
  readonly groupsClaim: string;
  /** Days audit entries are kept; null keeps them for ever. */
  readonly auditRetentionDays: number | null;
  /** Outgoing webhooks' settings changed by flags. */
  readonly webhooks: Partial<WebhookSettings>;
  /** Bearer token of the SCIM provisioning endpoint; null: SCIM is off. */
  readonly scimToken: string | null;
  /** Default label of spaces and the company's internal email domains. */
  readonly classification: ParsedClassification;
  /** Whether people who never chose appear in the expert finder. */
  readonly expertDefaultOptIn: boolean;
}

/** `parseArgs` options of these flags. */
export const GOVERNANCE_OPTIONS = {
  'admin-group': { type: 'string' },
  'groups-claim': { type: 'string' },
  'audit-retention-days': { type: 'string' },
  ...WEBHOOK_OPTIONS,
  'scim-token': { type: 'string' },
  ...CLASSIFICATION_OPTIONS,
  ...KNOWLEDGE_OPTIONS,
} as const;

/** Their lines of `--help`. */
export const GOVERNANCE_HELP = `  --admin-group <name>     IdP group whose members are company admins (RELAY_ADMIN_GROUP;
                           default none, or commonplace-admins with the development IdP)
  --groups-claim <claim>   token claim listing a person's groups (RELAY_GROUPS_CLAIM, default groups)
  --audit-retention-days <n>  days audit entries are kept (RELAY_AUDIT_RETENTION_DAYS; default for ever)
  --scim-token <secret>    bearer token of SCIM provisioning at /scim/v2 (RELAY_SCIM_TOKEN;
                           default none: SCIM off)
${WEBHOOK_HELP}
${CLASSIFICATION_HELP}
${KNOWLEDGE_HELP}`;

/** Longest retention accepted: a century. */
const MAX_RETENTION_DAYS = 36_500;

type Values = FlagValues;

/** The governance settings, or a message naming the bad flag. */
export function parseGovernance(values: Values, env: Env): GovernanceConfig | string {
  const [groupText, groupSource] = pick(values, env, 'admin-group', 'RELAY_ADMIN_GROUP');
  const adminGroup = groupText?.trim() ?? null;
  if (adminGroup === '') return `${groupSource} must not be empty`;
  const [claimText, claimSource] = pick(values, env, 'groups-claim', 'RELAY_GROUPS_CLAIM');
  const groupsClaim = claimText?.trim() ?? 'groups';
  if (groupsClaim === '') return `${claimSource} must not be empty`;
  const [daysText, daysSource] = pick(
    values,
    env,
    'audit-retention-days',
    'RELAY_AUDIT_RETENTION_DAYS',
  );
  let auditRetentionDays: number | null = null;
  if (daysText !== undefined) {
    const days = /^\d{1,6}$/.test(daysText) ? Number(daysText) : Number.NaN;
    if (!(days >= 1 && days <= MAX_RETENTION_DAYS)) {
      return `${daysSource} must be a whole number of days from 1 to ${String(MAX_RETENTION_DAYS)}, got "${daysText}"`;
    }
    auditRetentionDays = days;
  }
  const webhooks = parseWebhookFlags(values, env);
  if (typeof webhooks === 'string') return webhooks;
  const [scimText, scimSource] = pick(values, env, 'scim-token', 'RELAY_SCIM_TOKEN');
  const scimToken = scimText?.trim() ?? null;
  // A short secret could be guessed through the endpoint; IdPs accept long ones.
  if (scimToken !== null && scimToken.length < 16) {
    return `${scimSource} must be at least 16 characters`;
  }
  const classification = parseClassification(values, env);
  if (typeof classification === 'string') return classification;
  const knowledge = parseKnowledgeFlags(values, env);
  if (typeof knowledge === 'string') return knowledge;
  return {
    adminGroup,
    groupsClaim,
    auditRetentionDays,
    webhooks,
    scimToken,
    classification,
    expertDefaultOptIn: knowledge.expertDefaultOptIn,
  };
}
