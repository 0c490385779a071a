/** Shows an API error: the server's message (translated for known codes in Chinese) and its code. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api-client.js';

/** Props of {@link ErrorMessage}. */
export interface ErrorMessageProps {
  readonly error: ApiError;
  /** `data-testid` of the message box. */
  readonly testId?: string;
}

/** An alert box for a failed API call. */
export function ErrorMessage({ error, testId }: ErrorMessageProps): ReactElement {
  const { t } = useTranslation();
  const text = t(`errors.${error.code}`, { defaultValue: error.message });
  return (
    <div className="alert alert--error" role="alert" data-testid={testId} data-error-code={error.code}>
      <strong className="alert__title">{t('errors.title')}</strong>
      <span className="alert__text">{text}</span>
      {error.code !== 'network' && <code className="alert__code">{error.code}</code>}
    </div>
  );
}
