/**
 * The expert finder's company default: whether people who never chose
 * appear in it. Off unless the company turns it on, since being suggested
 * as someone to ask is a person's own choice.
 */
type Values = Record<string, string | boolean | undefined>;
type Env = Readonly<Record<string, string | undefined>>;

export const KNOWLEDGE_OPTIONS = {
  'expert-finder-default': { type: 'string' },
} as const;

export const KNOWLEDGE_HELP = `  --expert-finder-default <in|out>  whether people who never chose appear in the expert
                           finder (RELAY_EXPERT_FINDER_DEFAULT, default out); each person may change it`;

/** `{ expertDefaultOptIn }`, or a message naming the bad value. */
export function parseKnowledgeFlags(
  values: Values,
  env: Env,
): { readonly expertDefaultOptIn: boolean } | string {
  const fromFlag = values['expert-finder-default'];
  const source =
    typeof fromFlag === 'string' ? '--expert-finder-default' : 'RELAY_EXPERT_FINDER_DEFAULT';
  const text = typeof fromFlag === 'string' ? fromFlag : env.RELAY_EXPERT_FINDER_DEFAULT;
  if (text === undefined || text === '' || text === 'out') return { expertDefaultOptIn: false };
  if (text === 'in') return { expertDefaultOptIn: true };
  return `${source} must be "in" or "out", got "${text}"`;
}
