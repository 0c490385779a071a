/** A member of the public: their own code with its reason, and an appeal form. */
import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { HealthCodeCard } from './health-code-card.js';
import { fileAppeal } from './judgment-api.js';
import { RiskAreasPage } from './risk-areas-page.js';

/** The public user's page. */
export function MyCodePage(): ReactElement {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [filed, setFiled] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    try {
      const appeal = await fileAppeal(undefined, reason);
      setFiled(appeal.deadline);
      setReason('');
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'internal', String(cause)));
    }
  };
  return (
    <div className="review" data-testid="my-code-page">
      <section className="panel">
        <h2 className="panel__title">{t('code.mine')}</h2>
        <HealthCodeCard own />
        <form className="form" onSubmit={(event) => void submit(event)} data-testid="my-appeal-form">
          <label className="field">
            <span className="field__label">{t('code.appealReason')}</span>
            <input className="input" value={reason} onChange={(event) => setReason(event.target.value)} data-testid="my-appeal-reason" />
          </label>
          <button className="button" type="submit" data-testid="my-appeal-submit">
            {t('code.appeal')}
          </button>
        </form>
        {filed !== null && <p className="alert alert--info">{t('code.appealFiled', { deadline: new Date(filed).toLocaleString() })}</p>}
        {error !== null && <ErrorMessage error={error} testId="my-appeal-error" />}
      </section>
      <RiskAreasPage />
    </div>
  );
}
