/** The imports page: a file upload, recent import batches with their report, and a chosen batch's rejected rows. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DeadLettersPanel } from './dead-letters-panel.js';
import { ErrorMessage } from './error-message.js';
import { formatTimestamp } from './format.js';
import { ImportUploadForm } from './import-upload-form.js';
import { shownFileName } from './import-upload.js';
import { fetchImportBatches, type ImportReportView } from './imports-api.js';
import { useAsync } from './use-async.js';

/** For users with `import.run`: the upload form, the batch table (read again after an import, a fix or a re-run) and the open batch. */
export function ImportsPage(): ReactElement {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [openId, setOpenId] = useState<number | null>(null);
  const batches = useAsync(() => fetchImportBatches(), [version]);
  const open = batches.data?.find((b) => b.id === openId) ?? null;
  const imported = (report: ImportReportView): void => {
    setVersion((v) => v + 1);
    if (report.rejected > 0) setOpenId(report.batchId);
  };

  return (
    <div className="imports-page">
      <section className="panel imports" aria-labelledby="imports-title" data-testid="imports-page">
        <h2 id="imports-title" className="panel__title">
          {t('imports.title')}
        </h2>
        <p className="panel__hint">{t('imports.hint')}</p>
        <ImportUploadForm onImported={imported} />
        <h3 className="panel__title imports__batches-title">{t('imports.batchesTitle')}</h3>
        {batches.loading && batches.data === null && <p className="muted">{t('imports.loading')}</p>}
        {batches.error !== null && <ErrorMessage error={batches.error} testId="imports-error" />}
        {batches.data?.length === 0 && (
          <p className="empty" data-testid="imports-empty">
            {t('imports.none')}
          </p>
        )}
        {batches.data !== null && batches.data.length > 0 && (
          <table className="table" data-testid="import-batches">
            <thead>
              <tr>
                <th>{t('imports.colSource')}</th>
                <th>{t('imports.colFile')}</th>
                <th>{t('imports.colStatus')}</th>
                <th>{t('imports.colCounts')}</th>
                <th>{t('imports.colFinished')}</th>
                <th>{t('imports.colReasons')}</th>
                <th>{t('imports.colOpen')}</th>
              </tr>
            </thead>
            <tbody>
              {batches.data.map((batch) => (
                <tr key={batch.id} data-testid="import-batch" data-id={batch.id} aria-selected={batch.id === openId}>
                  <td>{batch.source}</td>
                  <td className="mono" title={batch.fileName} data-testid="import-batch-file">
                    {shownFileName(batch.fileName)}
                  </td>
                  <td>{t(`imports.statuses.${batch.status}`)}</td>
                  <td data-testid="import-batch-counts">
                    {batch.accepted} / {batch.rejected} / {batch.duplicates}
                  </td>
                  <td>{batch.finishedAt === null ? t('imports.notFinished') : formatTimestamp(batch.finishedAt)}</td>
                  <td>
                    <ul className="imports__reasons">
                      {batch.topReasons.map((r) => (
                        <li key={r.reason} data-testid="import-batch-reason">
                          {t('imports.reasonCount', { reason: r.reason, count: r.count })}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <span data-testid="import-batch-open">{batch.openDeadLetters}</span>{' '}
                    {batch.rejected > 0 && (
                      <button className="button button--ghost" type="button" onClick={() => setOpenId(batch.id)} data-testid="import-batch-open-button">
                        {t('imports.open')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {open !== null && <DeadLettersPanel key={open.id} batch={open} onChanged={() => setVersion((v) => v + 1)} onClose={() => setOpenId(null)} />}
    </div>
  );
}
