/** The identity review queue: records that probably name a registered person, decided link or new. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, decideIdentityReview, fetchIdentityReviews } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import type { ReviewDecision, ReviewedPerson } from './review-types.js';
import { useAsync } from './use-async.js';

function PersonCell({ person }: { readonly person: ReviewedPerson }): ReactElement {
  const { t } = useTranslation();
  return (
    <td>
      <strong>{person.name === '' ? t('reviews.unnamed') : person.name}</strong>
      {person.provisional && <span className="muted"> · {t('reviews.provisional')}</span>}
      <br />
      {t('reviews.born')}: {person.birthDate ?? '—'} · {t('reviews.residentId')}: {person.residentIdMasked ?? '—'} · {t('reviews.phone')}:{' '}
      {person.phoneMasked ?? '—'}
    </td>
  );
}

/** The reviews page (epidemiologists and administrators). */
export function ReviewsPage(): ReactElement {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const reviews = useAsync(() => fetchIdentityReviews(), [version]);

  const decide = async (id: number, decision: ReviewDecision): Promise<void> => {
    setBusy(id);
    setFailure(null);
    try {
      await decideIdentityReview(id, decision);
      setVersion((v) => v + 1);
    } catch (error) {
      setFailure(error instanceof ApiError ? error : new ApiError(0, 'network', String(error)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel reviews" aria-labelledby="reviews-title" data-testid="reviews-page">
      <h2 id="reviews-title" className="panel__title">
        {t('reviews.title')}
      </h2>
      <p className="panel__hint">{t('reviews.hint')}</p>
      {reviews.loading && <p className="muted">{t('reviews.loading')}</p>}
      {reviews.error !== null && <ErrorMessage error={reviews.error} testId="reviews-error" />}
      {failure !== null && <ErrorMessage error={failure} testId="reviews-decision-error" />}
      {reviews.data !== null &&
        (reviews.data.length === 0 ? (
          <p className="empty" data-testid="reviews-empty">
            {t('reviews.empty')}
          </p>
        ) : (
          <table className="table" data-testid="reviews-table">
            <thead>
              <tr>
                <th>{t('reviews.colRecords')}</th>
                <th>{t('reviews.colCandidate')}</th>
                <th>{t('reviews.colScore')}</th>
                <th>{t('reviews.colDecision')}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.data.map((review) => (
                <tr key={review.id} data-testid={`review-${review.id}`}>
                  <PersonCell person={review.person} />
                  <PersonCell person={review.candidate} />
                  <td>
                    {review.score.toFixed(2)} · {review.source}
                  </td>
                  <td>
                    <button type="button" disabled={busy !== null} onClick={() => void decide(review.id, 'link')} data-testid={`review-link-${review.id}`}>
                      {t('reviews.link')}
                    </button>{' '}
                    <button type="button" disabled={busy !== null} onClick={() => void decide(review.id, 'new')} data-testid={`review-new-${review.id}`}>
                      {t('reviews.new')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
