/** The form that corrects one rejected row: one input per field of the row, the rejected field first. */
import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { fixDeadLetter, type DeadLetterView } from './imports-api.js';

/** Props of {@link DeadLetterFixForm}. */
export interface DeadLetterFixFormProps {
  readonly letter: DeadLetterView;
  /** Called with the row as stored after the fix. */
  readonly onFixed: (fixed: Pick<DeadLetterView, 'id' | 'status' | 'preview'>) => void;
  readonly onCancel: () => void;
}

/**
 * The fields to offer, rejected field first (added empty when the row lacks it). `_line` stands for
 * a line that could not be read at all, which no field edit repairs.
 * @param letter - the rejected row
 */
export function fixableFields(letter: DeadLetterView): string[] {
  const fields = Object.keys(letter.preview).filter((f) => f !== '_line');
  if (letter.field === null) return fields;
  return [letter.field, ...fields.filter((f) => f !== letter.field)];
}

/** Inputs start at the masked preview; only the fields the user changed are sent, so a masked value left alone keeps its stored clear value. */
export function DeadLetterFixForm({ letter, onFixed, onCancel }: DeadLetterFixFormProps): ReactElement {
  const { t } = useTranslation();
  const fields = fixableFields(letter);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f, letter.preview[f] ?? ''])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const changes = Object.fromEntries(fields.filter((f) => values[f] !== (letter.preview[f] ?? '')).map((f) => [f, values[f] ?? '']));
    setBusy(true);
    setError(null);
    try {
      onFixed(await fixDeadLetter(letter.id, changes));
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'internal', cause instanceof Error ? cause.message : String(cause)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form dead-letter-fix" onSubmit={(event) => void submit(event)} data-testid={`dead-letter-fix-form-${letter.id}`}>
      <p className="panel__hint">{t('imports.fixHint')}</p>
      {fields.map((field, index) => (
        <label key={field} className="field">
          <span className="field__label mono">{field}</span>
          <input
            className={`input${field === letter.field ? ' input--invalid' : ''}`}
            value={values[field] ?? ''}
            // The rejected field is the one to correct: the cursor starts there.
            autoFocus={index === 0}
            aria-invalid={field === letter.field}
            onChange={(event) => setValues((previous) => ({ ...previous, [field]: event.target.value }))}
            data-testid={`dead-letter-input-${field}`}
          />
        </label>
      ))}
      {error !== null && <ErrorMessage error={error} testId="dead-letter-fix-error" />}
      <div className="dead-letter-fix__actions">
        <button className="button button--primary" type="submit" disabled={busy} data-testid="dead-letter-save">
          {busy ? t('imports.saving') : t('imports.save')}
        </button>{' '}
        <button className="button button--ghost" type="button" onClick={onCancel} data-testid="dead-letter-cancel">
          {t('imports.cancel')}
        </button>
      </div>
    </form>
  );
}
