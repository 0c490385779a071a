/** Appeals for reviewers: open ones first by deadline, overdue marked, decided with a recorded outcome. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { formatTimestamp } from './format.js';
import { decideAppeal, fetchAppeals } from './judgment-api.js';
import { useAsync } from './use-async.js';

/** Props of {@link AppealsPanel}. */
export interface AppealsPanelProps {
  readonly canDecide: boolean;
}

/** The appeals list with a decision form on each open appeal. */
export function AppealsPanel({ canDecide }: AppealsPanelProps): ReactElement {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const [outcomes, setOutcomes] = useState<Record<number, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const appeals = useAsync(() => fetchAppeals(false), [reload]);

  const decide = async (id: number, status: 'upheld' | 'rejected'): Promise<void> => {
    setError(null);
    try {
      await decideAppeal(id, status, outcomes[id] ?? '');
      setReload((n) => n + 1);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'internal', String(cause)));
    }
  };

  return (
    <section className="panel" data-testid="appeals-panel">
      <h2 className="panel__title">{t('review.appeals')}</h2>
      {error !== null && <ErrorMessage error={error} testId="appeal-error" />}
      {appeals.error !== null && <ErrorMessage error={appeals.error} testId="appeals-error" />}
      {appeals.data?.length === 0 && <p className="muted">{t('review.noAppeals')}</p>}
      <ul className="review-list">
        {appeals.data?.map((a) => (
          <li key={a.id} className="review-item" data-testid="appeal" data-status={a.status} data-overdue={a.overdue}>
            <p>
              <strong>#{a.id}</strong> · {t('review.person')} <a href={`#/person/${a.personId}`}>{a.personId}</a> ·{' '}
              {t(`code.colours.${a.colourAtFiling}`, { defaultValue: a.colourAtFiling })} <span className="mono">{a.ruleIdAtFiling}</span>
            </p>
            <p>{a.reason}</p>
            <p className="muted">
              {t('review.filed', { time: formatTimestamp(a.filedAt), role: t(`roles.${a.filedByRole}`, { defaultValue: a.filedByRole }) })} ·{' '}
              {t('review.deadline', { time: formatTimestamp(a.deadline) })}
              {a.overdue && <span className="badge badge--warn">{t('review.overdue')}</span>}
            </p>
            {a.status !== 'open' ? (
              <p>
                {t(`review.status.${a.status}`)} — {a.outcome} ({a.reviewerName}, {a.decidedAt === null ? '' : formatTimestamp(a.decidedAt)})
              </p>
            ) : (
              canDecide && (
                <div className="review-actions">
                  <input
                    className="input"
                    placeholder={t('review.outcome')}
                    value={outcomes[a.id] ?? ''}
                    onChange={(event) => setOutcomes({ ...outcomes, [a.id]: event.target.value })}
                    data-testid="appeal-outcome"
                  />
                  <button className="button" type="button" onClick={() => void decide(a.id, 'upheld')} data-testid="appeal-uphold">
                    {t('review.uphold')}
                  </button>
                  <button className="button button--ghost" type="button" onClick={() => void decide(a.id, 'rejected')} data-testid="appeal-reject">
                    {t('review.reject')}
                  </button>
                </div>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
