import { createHash } from 'node:crypto';

// The page the system browser shows after the loopback redirect. No script;
// the one inline stylesheet is allowed by its hash.
const CSS =
  'body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;margin:0}' +
  'main{max-width:28rem;padding:2rem;text-align:center}h1{font-size:1.3rem}p{color:#555}';
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const BROWSER_PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CSP,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
} as const;

/** A friendly page for the person in the browser; never shows codes or tokens. */
export function renderBrowserPage(ok: boolean, message: string): string {
  const title = ok ? 'You are signed in to Commonplace' : 'Sign-in did not complete';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
