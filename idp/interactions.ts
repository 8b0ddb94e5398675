import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Employee } from './employees.ts';
import { LOGIN_PAGE_CSP, renderLoginPage, renderMessagePage } from './login-page.ts';

/** Forms here carry one short field; anything bigger is not ours. */
const MAX_FORM_BYTES = 4096;

const ROUTE = /^\/interaction\/([A-Za-z0-9_-]{1,128})(?:\/(login|abort))?$/;

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': LOGIN_PAGE_CSP,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'cache-control': 'no-store' });
  res.end();
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    throw new Error('expected a form submission');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Grants what the request asked for, without a page: every client this IdP
 * knows is first-party (ours), so consent is implied. oidc-provider still
 * routes native clients through the consent prompt (its `native_client_prompt`
 * check), which is why this runs on every consent interaction.
 */
async function autoConsent(
  provider: Provider,
  interaction: Awaited<ReturnType<Provider['interactionDetails']>>,
): Promise<string> {
  const accountId = interaction.session?.accountId;
  const clientId = interaction.params['client_id'];
  if (accountId === undefined || typeof clientId !== 'string') {
    throw new Error('consent without a signed-in session');
  }
  const grant =
    (interaction.grantId === undefined
      ? undefined
      : await provider.Grant.find(interaction.grantId)) ??
    new provider.Grant({ accountId, clientId });
  const { details } = interaction.prompt;
  const scopes = stringList(details['missingOIDCScope']);
  if (scopes.length > 0) grant.addOIDCScope(scopes.join(' '));
  const claims = stringList(details['missingOIDCClaims']);
  if (claims.length > 0) grant.addOIDCClaims(claims);
  const resourceScopes = details['missingResourceScopes'];
  if (typeof resourceScopes === 'object' && resourceScopes !== null) {
    for (const [indicator, list] of Object.entries(resourceScopes)) {
      grant.addResourceScope(indicator, stringList(list).join(' '));
    }
  }
  return grant.save();
}

/**
 * Handles `/interaction/:uid` (GET: the login page, or automatic consent) and
 * `/interaction/:uid/login|abort` (POST). Returns false when the path is not
 * an interaction route, so the caller hands the request to oidc-provider.
 */
export async function handleInteraction(
  provider: Provider,
  employees: readonly Employee[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://idp.invalid').pathname;
  const match = ROUTE.exec(path);
  if (match === null) return false;
  const [, uid, action] = match;

  let interaction;
  try {
    // Reads the interaction cookie oidc-provider set for exactly this uid
    // (SameSite=Lax, path-scoped): a cross-site POST arrives without it.
    interaction = await provider.interactionDetails(req, res);
  } catch {
    sendHtml(
      res,
      400,
      renderMessagePage('Sign-in expired', 'Start the sign-in again from the app.'),
    );
    return true;
  }
  if (interaction.uid !== uid) {
    sendHtml(
      res,
      400,
      renderMessagePage('Sign-in mismatch', 'Start the sign-in again from the app.'),
    );
    return true;
  }

  if (req.method === 'GET' && action === undefined) {
    if (interaction.prompt.name === 'consent') {
      const grantId = await autoConsent(provider, interaction);
      redirect(
        res,
        await provider.interactionResult(
          req,
          res,
          { consent: { grantId } },
          { mergeWithLastSubmission: true },
        ),
      );
      return true;
    }
    const clientId = interaction.params['client_id'];
    const client = typeof clientId === 'string' ? await provider.Client.find(clientId) : undefined;
    sendHtml(
      res,
      200,
      renderLoginPage({
        uid: interaction.uid,
        clientName: client?.clientName ?? 'Commonplace',
        employees,
      }),
    );
    return true;
  }

  if (req.method === 'POST' && action === 'abort') {
    const result = {
      error: 'access_denied',
      error_description: 'The person cancelled the sign-in.',
    };
    redirect(
      res,
      await provider.interactionResult(req, res, result, { mergeWithLastSubmission: false }),
    );
    return true;
  }

  if (req.method === 'POST' && action === 'login' && interaction.prompt.name === 'login') {
    let form;
    try {
      form = await readForm(req);
    } catch (error) {
      sendHtml(res, 400, renderMessagePage('Bad request', (error as Error).message));
      return true;
    }
    const employee = employees.find((e) => e.sub === form.get('sub'));
    if (employee === undefined) {
      sendHtml(res, 400, renderMessagePage('Unknown person', 'Pick one of the listed employees.'));
      return true;
    }
    const result = { login: { accountId: employee.sub } };
    redirect(
      res,
      await provider.interactionResult(req, res, result, { mergeWithLastSubmission: false }),
    );
    return true;
  }

  sendHtml(
    res,
    405,
    renderMessagePage('Not allowed', 'This step of the sign-in does not accept that request.'),
  );
  return true;
}
