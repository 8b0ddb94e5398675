import { createHash } from 'node:crypto';
import type { Employee } from './employees.ts';

// The page has no script at all, and its one stylesheet is allowed by hash,
// so it renders under `default-src 'none'`. No `form-action`: browsers apply it
// to the redirect chain after the POST, which ends at the client's
// redirect_uri (a loopback port chosen at run time, RFC 8252 §7.3).
const CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
main { width: min(28rem, 92vw); padding: 2rem; border: 1px solid GrayText; border-radius: 12px; }
h1 { font-size: 1.25rem; margin: 0 0 .25rem; }
p { margin: 0 0 1.25rem; color: GrayText; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
button { width: 100%; text-align: left; padding: .75rem 1rem; border-radius: 8px; border: 1px solid GrayText; background: transparent; color: inherit; font: inherit; cursor: pointer; }
button:hover, button:focus-visible { border-color: Highlight; outline: 2px solid Highlight; }
.who { display: block; font-weight: 600; }
.what { display: block; font-size: .875rem; color: GrayText; }
.cancel { margin-top: 1rem; text-align: center; }
`;

const styleHash = createHash('sha256').update(CSS).digest('base64');

/** The Content-Security-Policy sent with every page the dev IdP renders itself. */
export const LOGIN_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The "pick an employee" page. The form posts to this interaction's own URL;
 * the interaction uid plus oidc-provider's SameSite interaction cookie bound
 * to it are what make a forged cross-site POST fail.
 */
export function renderLoginPage(options: {
  uid: string;
  clientName: string;
  employees: readonly Employee[];
}): string {
  const action = `/interaction/${encodeURIComponent(options.uid)}`;
  const people = options.employees
    .map(
      (e) => `<li><button type="submit" name="sub" value="${escapeHtml(e.sub)}">
<span class="who">${escapeHtml(e.name)}</span>
<span class="what">${escapeHtml(e.title)} · ${escapeHtml(e.department)} · ${escapeHtml(e.email)}</span>
</button></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Commonplace development IdP</title>
<style>${CSS}</style></head>
<body><main>
<h1>Sign in to ${escapeHtml(options.clientName)}</h1>
<p>Development identity provider. Pick a demo employee.</p>
<form method="post" action="${action}/login"><ul>
${people}
</ul></form>
<form class="cancel" method="post" action="${action}/abort"><button type="submit">Cancel</button></form>
</main></body></html>`;
}

/** A minimal error page (same CSP), for a stale or unknown interaction. */
export function renderMessagePage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${CSS}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
