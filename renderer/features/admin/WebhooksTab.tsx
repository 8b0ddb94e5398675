import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import {
  WEBHOOK_EVENT_KINDS,
  type CreatedWebhook,
  type Delivery,
  type Webhook,
  type WebhookEventKind,
} from '../../../shared/webhooks-api.ts';
import type { WebhooksApi } from '../../api/webhooks-api.ts';
import { useFormat, useT } from '../../i18n/index.ts';
import { Button, Field, TextInput } from '../../ui/index.ts';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The secret of a webhook just created: shown this once, with a copy button. */
function SecretOnce({
  hook,
  onDone,
}: {
  readonly hook: CreatedWebhook;
  readonly onDone: () => void;
}) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="admin__secret">
      <p>{t('admin.webhooks.secretOnce')}</p>
      <Field label={t('admin.webhooks.secret')}>
        {(control) => <TextInput {...control} readOnly value={hook.secret} />}
      </Field>
      <div className="admin__actions">
        <Button
          size="sm"
          onClick={() => {
            void navigator.clipboard.writeText(hook.secret).then(() => {
              setCopied(true);
            });
          }}
        >
          {copied ? t('admin.webhooks.copied') : t('admin.webhooks.copy')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t('admin.webhooks.secretSaved')}
        </Button>
      </div>
    </div>
  );
}

/** The delivery log of one webhook, newest first. */
function DeliveryLog({ api, hook }: { readonly api: WebhooksApi; readonly hook: Webhook }) {
  const t = useT();
  const format = useFormat();
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.deliveries(hook.id).then(setRows, (err: unknown) => {
      setError(message(err));
    });
  }, [api, hook.id]);
  if (error !== null)
    return (
      <p role="alert" className="admin__error">
        {error}
      </p>
    );
  if (rows === null) return null;
  if (rows.length === 0) return <p>{t('admin.webhooks.noDeliveries')}</p>;
  return (
    <table className="admin__table">
      <caption>{t('admin.webhooks.logOf', { url: hook.url })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.webhooks.when')}</th>
          <th scope="col">{t('admin.webhooks.event')}</th>
          <th scope="col">{t('admin.webhooks.status')}</th>
          <th scope="col">{t('admin.webhooks.attempts')}</th>
          <th scope="col">{t('admin.webhooks.lastAnswer')}</th>
          <th scope="col">{t('admin.webhooks.nextAttempt')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.eventId}>
            <td>{format.date(d.createdAt, 'dateTime')}</td>
            <td>
              {d.kind}
              <br />
              <code>{d.eventId}</code>
            </td>
            <td>{t(`admin.webhooks.state.${d.status}`)}</td>
            <td>{format.number(d.attempts)}</td>
            <td>{d.lastError ?? (d.lastStatus === null ? '—' : String(d.lastStatus))}</td>
            <td>{d.nextAttemptAt === null ? '—' : format.date(d.nextAttemptAt, 'dateTime')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Company webhooks: list, create (secret shown once), enable, test, delivery log, delete. */
export function WebhooksTab({ api }: { readonly api: WebhooksApi }) {
  const t = useT();
  const [hooks, setHooks] = useState<Webhook[]>([]);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<ReadonlySet<WebhookEventKind>>(new Set(WEBHOOK_EVENT_KINDS));
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const reload = useCallback(() => {
    api.list().then(setHooks, (err: unknown) => {
      setError(message(err));
    });
  }, [api]);
  useEffect(reload, [reload]);

  const act = (work: Promise<unknown>, success: string) => {
    setError(null);
    work.then(
      () => {
        setDone(success);
        reload();
      },
      (err: unknown) => {
        setError(message(err));
      },
    );
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    api.create({ url: url.trim(), events: [...events] }).then(
      (hook) => {
        setCreated(hook);
        setUrl('');
        reload();
      },
      (err: unknown) => {
        setError(message(err));
      },
    );
  };

  return (
    <div className="admin__panel">
      {error !== null && (
        <p role="alert" className="admin__error">
          {error}
        </p>
      )}
      {done !== null && <p role="status">{done}</p>}
      {created !== null && (
        <SecretOnce
          hook={created}
          onDone={() => {
            setCreated(null);
          }}
        />
      )}
      <form className="admin__webhook-form" onSubmit={submit}>
        <Field label={t('admin.webhooks.url')} hint={t('admin.webhooks.urlHint')}>
          {(control) => (
            <TextInput
              {...control}
              type="url"
              required
              value={url}
              onChange={(e) => {
                setUrl(e.target.value);
              }}
            />
          )}
        </Field>
        <fieldset className="admin__events">
          <legend>{t('admin.webhooks.events')}</legend>
          {WEBHOOK_EVENT_KINDS.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={events.has(kind)}
                onChange={(e) => {
                  const next = new Set(events);
                  if (e.target.checked) next.add(kind);
                  else next.delete(kind);
                  setEvents(next);
                }}
              />{' '}
              <code>{kind}</code>
            </label>
          ))}
        </fieldset>
        <Button type="submit" disabled={events.size === 0}>
          {t('admin.webhooks.create')}
        </Button>
      </form>
      <table className="admin__table">
        <caption className="visually-hidden">{t('admin.webhooks.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.webhooks.url')}</th>
            <th scope="col">{t('admin.webhooks.scope')}</th>
            <th scope="col">{t('admin.webhooks.events')}</th>
            <th scope="col">{t('admin.webhooks.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {hooks.length === 0 && (
            <tr>
              <td colSpan={4}>{t('admin.webhooks.none')}</td>
            </tr>
          )}
          {hooks.map((hook) => (
            <tr key={hook.id}>
              <td>
                {hook.url}
                {!hook.enabled && ` (${t('admin.webhooks.disabled')})`}
              </td>
              <td>{hook.spaceId ?? t('admin.webhooks.company')}</td>
              <td>{hook.events.join(', ')}</td>
              <td className="admin__actions">
                <Button
                  size="sm"
                  onClick={() => {
                    act(
                      api.update(hook.id, { enabled: !hook.enabled }),
                      hook.enabled
                        ? t('admin.webhooks.wasDisabled')
                        : t('admin.webhooks.wasEnabled'),
                    );
                  }}
                >
                  {hook.enabled ? t('admin.webhooks.disable') : t('admin.webhooks.enable')}
                </Button>
                <Button
                  size="sm"
                  onClick={() => {
                    act(api.test(hook.id), t('admin.webhooks.testQueued'));
                  }}
                >
                  {t('admin.webhooks.test')}
                </Button>
                <Button
                  size="sm"
                  aria-pressed={logOf?.id === hook.id}
                  onClick={() => {
                    setLogOf(logOf?.id === hook.id ? null : hook);
                  }}
                >
                  {t('admin.webhooks.log')}
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => {
                    if (logOf?.id === hook.id) setLogOf(null);
                    act(api.remove(hook.id), t('admin.webhooks.deleted'));
                  }}
                >
                  {t('admin.webhooks.delete')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {logOf !== null && <DeliveryLog key={logOf.id} api={api} hook={logOf} />}
    </div>
  );
}
