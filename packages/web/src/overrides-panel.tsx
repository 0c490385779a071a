/** Manual colour changes: ask (reason from a closed list), and approve or refuse someone else's. */
import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { formatTimestamp } from './format.js';
import { decideOverride, fetchOverrides, fetchReasonCodes, requestOverride, type Colour } from './judgment-api.js';
import { useAsync } from './use-async.js';

/** Props of {@link OverridesPanel}. */
export interface OverridesPanelProps {
  /** The signed-in user's name: their own requests cannot be approved by them. */
  readonly username: string;
}

/** The request form, the requests with their decision buttons, and the safeguard alerts. */
export function OverridesPanel({ username }: OverridesPanelProps): ReactElement {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const [form, setForm] = useState({ personIds: '', targetColour: 'green' as Colour, reasonCode: '', note: '', validDays: 7 });
  const overrides = useAsync(() => fetchOverrides(), [reload]);
  const reasons = useAsync(() => fetchReasonCodes(), []);

  const run = async (work: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await work();
      setReload((n) => n + 1);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'internal', String(cause)));
    }
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const personIds = form.personIds.split(/[\s,]+/).filter((s) => s !== '').map(Number);
    void run(() => requestOverride({ ...form, personIds, reasonCode: form.reasonCode || (reasons.data?.[0] ?? '') }));
  };

  return (
    <section className="panel" data-testid="overrides-panel">
      <h2 className="panel__title">{t('review.overrides')}</h2>
      <p className="panel__hint">{t('review.overrideHint')}</p>
      <form className="form review-form" onSubmit={submit} data-testid="override-form">
        <label className="field">
          <span className="field__label">{t('review.personIds')}</span>
          <input className="input" value={form.personIds} onChange={(e) => setForm({ ...form, personIds: e.target.value })} data-testid="override-persons" />
        </label>
        <label className="field">
          <span className="field__label">{t('review.targetColour')}</span>
          <select className="input" value={form.targetColour} onChange={(e) => setForm({ ...form, targetColour: e.target.value as Colour })} data-testid="override-colour">
            {(['green', 'yellow', 'red'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`code.colours.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('review.reasonCode')}</span>
          <select className="input" value={form.reasonCode} onChange={(e) => setForm({ ...form, reasonCode: e.target.value })} data-testid="override-reason">
            {reasons.data?.map((r) => (
              <option key={r} value={r}>
                {t(`review.reasons.${r}`, { defaultValue: r })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('review.note')}</span>
          <input className="input" value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} data-testid="override-note" />
        </label>
        <button className="button button--primary" type="submit" data-testid="override-submit">
          {t('review.request')}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} testId="override-error" />}
      {overrides.error !== null && <ErrorMessage error={overrides.error} testId="overrides-error" />}
      <ul className="review-list">
        {overrides.data?.requests.map((r) => (
          <li key={r.id} className="review-item" data-testid="override" data-status={r.status}>
            <p>
              <strong>#{r.id}</strong> · {t(`code.colours.${r.targetColour}`)} · {t(`review.reasons.${r.reasonCode}`, { defaultValue: r.reasonCode })} ·{' '}
              {t('review.persons', { count: r.personIds.length })}
            </p>
            <p className="muted">
              {r.note} — {r.requestedByName}, {formatTimestamp(r.requestedAt)} · {t(`review.status.${r.status}`)}
              {r.approvedByName !== null && ` (${r.approvedByName})`}
            </p>
            {r.status === 'pending' && r.requestedByName !== username && (
              <div className="review-actions">
                <button className="button" type="button" onClick={() => void run(() => decideOverride(r.id, 'approve'))} data-testid="override-approve">
                  {t('review.approve')}
                </button>
                <button className="button button--ghost" type="button" onClick={() => void run(() => decideOverride(r.id, 'refuse'))} data-testid="override-refuse">
                  {t('review.refuse')}
                </button>
              </div>
            )}
            {r.status === 'pending' && r.requestedByName === username && <p className="muted">{t('review.awaitingSecond')}</p>}
          </li>
        ))}
      </ul>
      {overrides.data !== null && overrides.data.alerts.length > 0 && (
        <>
          <h3 className="panel__title">{t('review.alerts')}</h3>
          <ul className="review-list" data-testid="code-alerts">
            {overrides.data.alerts.map((a) => (
              <li key={a.id} className="alert alert--error" data-testid="code-alert">
                {t('review.alertUnlinked', { actor: a.actorName, count: a.personIds.length, time: formatTimestamp(a.raisedAt) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
