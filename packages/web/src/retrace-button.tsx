/** "Trace again": re-traces a case with the active protocol profile and reports what was found. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, traceCase } from './api-client.js';
import type { TraceResult } from './case-types.js';
import { ErrorMessage } from './error-message.js';

/** Props of {@link RetraceButton}. */
export interface RetraceButtonProps {
  readonly caseId: number;
  /** Called after a successful trace, to reload the case. */
  readonly onTraced: (result: TraceResult) => void;
}

type State =
  | { readonly state: 'idle' }
  | { readonly state: 'tracing' }
  | { readonly state: 'done'; readonly result: TraceResult }
  | { readonly state: 'failed'; readonly error: ApiError };

/** The button, its progress and its outcome. */
export function RetraceButton({ caseId, onTraced }: RetraceButtonProps): ReactElement {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ state: 'idle' });
  const run = async (): Promise<void> => {
    setState({ state: 'tracing' });
    try {
      const result = await traceCase(caseId);
      setState({ state: 'done', result });
      onTraced(result);
    } catch (error) {
      setState({ state: 'failed', error: error instanceof ApiError ? error : new ApiError(0, 'internal', String(error)) });
    }
  };
  return (
    <div className="retrace">
      <button
        type="button"
        className="button button--primary"
        disabled={state.state === 'tracing'}
        onClick={() => void run()}
        title={t('case.retraceHint')}
        data-testid="case-retrace"
      >
        {state.state === 'tracing' ? t('case.tracing') : t('case.retrace')}
      </button>
      {state.state === 'done' && (
        <p className="alert alert--info" role="status" data-testid="case-retrace-result">
          {t('case.traced', { ...state.result })}
        </p>
      )}
      {state.state === 'failed' && <ErrorMessage error={state.error} testId="case-retrace-error" />}
    </div>
  );
}
