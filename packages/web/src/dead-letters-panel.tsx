/** One import batch's rejected rows: the reasons, a fix form per row, the re-run and the CSV export. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import { ApiError } from './api-client.js';
import { downloadDeadLetters } from './bulk-downloads.js';
import { DeadLetterFixForm } from './dead-letter-fix-form.js';
import { ErrorMessage } from './error-message.js';
import { shownFileName } from './import-upload.js';
import { fetchBatchDeadLetters, rerunBatch, type DeadLetterView, type ImportBatchView, type RerunResult } from './imports-api.js';
import { PurposeSelect } from './purpose-select.js';
import { useAsync } from './use-async.js';

function asApiError(cause: unknown): ApiError {
  return cause instanceof ApiError ? cause : new ApiError(0, 'internal', cause instanceof Error ? cause.message : String(cause));
}

/** Props of {@link DeadLettersPanel}. */
export interface DeadLettersPanelProps {
  readonly batch: ImportBatchView;
  /** Called after a fix or a re-run, so that the batch list shows the new counts. */
  readonly onChanged: () => void;
  readonly onClose: () => void;
}

/** The rejected rows of a batch that wait for work (open or fixed), read again after each re-run. */
export function DeadLettersPanel({ batch, onChanged, onClose }: DeadLettersPanelProps): ReactElement {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const loaded = useAsync(() => fetchBatchDeadLetters(batch.id), [batch.id, version]);
  // Fixed rows as the server returned them, shown until the next load.
  const [fixedRows, setFixedRows] = useState<ReadonlyMap<number, DeadLetterView>>(new Map());
  const [editing, setEditing] = useState<number | null>(null);
  const [rerun, setRerun] = useState<RerunResult | null>(null);
  const [busy, setBusy] = useState<'rerun' | 'export' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const letters = (loaded.data ?? []).map((l) => fixedRows.get(l.id) ?? l);

  const run = async (kind: 'rerun' | 'export', action: () => Promise<void>): Promise<void> => {
    setBusy(kind);
    setFailure(null);
    try {
      await action();
    } catch (cause) {
      setFailure(asApiError(cause));
    } finally {
      setBusy(null);
    }
  };
  const rerunRows = (): Promise<void> =>
    run('rerun', async () => {
      setRerun(await rerunBatch(batch.id));
      setFixedRows(new Map());
      setEditing(null);
      setVersion((v) => v + 1);
      onChanged();
    });
  const exportRows = (): Promise<void> =>
    run('export', async () => {
      if (purpose !== null) await downloadDeadLetters(batch.id, purpose);
    });

  return (
    <section className="panel dead-letters" data-testid="dead-letters" data-batch-id={batch.id}>
      <h3 className="panel__title">
        {t('imports.batchTitle', { id: batch.id, source: batch.source, file: shownFileName(batch.fileName) })}{' '}
        <button className="button button--ghost" type="button" onClick={onClose} data-testid="dead-letters-close">
          {t('imports.close')}
        </button>
      </h3>
      <div className="dead-letters__actions">
        <button className="button button--primary" type="button" disabled={busy !== null} onClick={() => void rerunRows()} data-testid="dead-letters-rerun">
          {busy === 'rerun' ? t('imports.rerunning') : t('imports.rerun')}
        </button>
        <form
          className="dead-letters__export"
          onSubmit={(event) => {
            event.preventDefault();
            void exportRows();
          }}
          data-testid="dead-letters-export-form"
        >
          <label className="field">
            <span className="field__label">{t('imports.exportPurpose')}</span>
            <PurposeSelect id={`export-purpose-${batch.id}`} value={purpose} onChange={setPurpose} testId="dead-letters-export-purpose" />
          </label>
          <button className="button button--ghost" type="submit" disabled={busy !== null || purpose === null} data-testid="dead-letters-export">
            {busy === 'export' ? t('imports.exporting') : t('imports.export')}
          </button>
        </form>
      </div>
      <p className="panel__hint">{t('imports.exportHint')}</p>
      {rerun !== null && (
        <p className="alert alert--info" role="status" data-testid="dead-letters-rerun-result">
          {t('imports.rerunResult', { loaded: rerun.loaded, duplicates: rerun.duplicates, stillRejected: rerun.stillRejected })}
        </p>
      )}
      {failure !== null && <ErrorMessage error={failure} testId="dead-letters-error" />}
      {loaded.error !== null && <ErrorMessage error={loaded.error} testId="dead-letters-load-error" />}
      {loaded.loading && loaded.data === null && <p className="muted">{t('imports.rowsLoading')}</p>}
      {loaded.data !== null && letters.length === 0 && (
        <p className="empty" data-testid="dead-letters-empty">
          {t('imports.noRows')}
        </p>
      )}
      {letters.length > 0 && (
        <table className="table" data-testid="dead-letters-table">
          <thead>
            <tr>
              <th>{t('imports.colRow')}</th>
              <th>{t('imports.colReason')}</th>
              <th>{t('imports.colPreview')}</th>
              <th>{t('imports.colFix')}</th>
            </tr>
          </thead>
          <tbody>
            {letters.map((letter) => (
              <tr key={letter.id} data-testid="dead-letter" data-id={letter.id} data-status={letter.status}>
                <td>{letter.rowNumber}</td>
                <td data-testid="dead-letter-reason">{letter.reason}</td>
                <td className="mono" data-testid="dead-letter-preview">
                  {Object.entries(letter.preview)
                    .map(([field, value]) => `${field}: ${value === '' ? '—' : value}`)
                    .join(' · ')}
                </td>
                <td>
                  <span className={`chip${letter.status === 'fixed' ? ' chip--fixed' : ''}`} data-testid="dead-letter-status">
                    {t(`imports.rowStatuses.${letter.status}`)}
                  </span>{' '}
                  {editing === letter.id ? (
                    <DeadLetterFixForm
                      letter={letter}
                      onCancel={() => setEditing(null)}
                      onFixed={(fixed) => {
                        setFixedRows((previous) => new Map(previous).set(letter.id, { ...letter, ...fixed }));
                        setEditing(null);
                        onChanged();
                      }}
                    />
                  ) : (
                    <button className="button button--ghost" type="button" onClick={() => setEditing(letter.id)} data-testid="dead-letter-fix">
                      {t('imports.fix')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
