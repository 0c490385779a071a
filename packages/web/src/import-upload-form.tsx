/** The imports page's form that uploads a CSV, NDJSON or XLSX file for one source, then shows the report. */
import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { formatCount } from './format.js';
import { importSources, maxUploadBytes, uploadContentType, uploadKey } from './import-upload.js';
import { uploadImport, type ImportReportView } from './imports-api.js';
import { useLanguage } from './use-language.js';

/** Props of {@link ImportUploadForm}. */
export interface ImportUploadFormProps {
  /** Called with the report once the server answered, so the page reads the batches again. */
  readonly onImported: (report: ImportReportView) => void;
}

/** Source, file, Import; the browser stops a file the server cannot read before sending anything. */
export function ImportUploadForm({ onImported }: ImportUploadFormProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const [source, setSource] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<ImportReportView | null>(null);
  // A file input cannot be cleared through React state; a new key gives a fresh one.
  const [fileInputKey, setFileInputKey] = useState(0);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setProblem(null);
    setError(null);
    setReport(null);
    if (source === '') {
      setProblem(t('imports.upload.chooseSource'));
      return;
    }
    if (file === null) {
      setProblem(t('imports.upload.chooseFile'));
      return;
    }
    const contentType = uploadContentType(file.name);
    if (contentType === null) {
      setProblem(t('imports.upload.unknownType', { name: file.name }));
      return;
    }
    if (file.size > maxUploadBytes) {
      setProblem(t('imports.upload.tooLarge', { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      const idempotencyKey = await uploadKey(source, await file.arrayBuffer());
      const result = await uploadImport({ source, file, fileName: file.name, contentType, idempotencyKey });
      setReport(result);
      setFile(null);
      setFileInputKey((n) => n + 1);
      onImported(result);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'internal', cause instanceof Error ? cause.message : String(cause)));
    } finally {
      setBusy(false);
    }
  };

  const count = (n: number): string => formatCount(language, n);

  return (
    <section className="import-upload" aria-labelledby="import-upload-title" data-testid="import-upload">
      <h3 id="import-upload-title" className="panel__title">
        {t('imports.upload.title')}
      </h3>
      <p className="panel__hint">{t('imports.upload.hint')}</p>
      <form className="form review-form" onSubmit={(event) => void submit(event)} aria-busy={busy} data-testid="import-upload-form">
        <label className="field">
          <span className="field__label">{t('imports.upload.source')}</span>
          <select className="input" value={source} onChange={(event) => setSource(event.target.value)} data-testid="import-upload-source">
            <option value="">{t('imports.upload.sourcePlaceholder')}</option>
            {importSources.map((name) => (
              <option key={name} value={name}>
                {t(`imports.sources.${name}`)} ({name})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('imports.upload.file')}</span>
          <input
            key={fileInputKey}
            className="input"
            type="file"
            accept=".csv,.ndjson,.jsonl,.xlsx,text/csv,application/x-ndjson,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            data-testid="import-upload-file"
          />
        </label>
        <button className="button button--primary" type="submit" disabled={busy} data-testid="import-upload-submit">
          {busy ? t('imports.upload.busy') : t('imports.upload.submit')}
        </button>
      </form>
      {busy && (
        <p className="muted" role="status" data-testid="import-upload-busy">
          {t('imports.upload.busyHint')}
        </p>
      )}
      {problem !== null && (
        <p className="alert alert--error" role="alert" data-testid="import-upload-problem">
          {problem}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} testId="import-upload-error" />}
      {report !== null && (
        <div className="alert alert--info import-upload__report" role="status" data-testid="import-upload-report" data-batch-id={report.batchId}>
          {report.alreadyImported && (
            <strong className="alert__title" data-testid="import-upload-already">
              {t('imports.upload.already', { id: report.batchId })}
            </strong>
          )}
          <span data-testid="import-upload-counts">
            {t('imports.upload.counts', { accepted: count(report.accepted), rejected: count(report.rejected), duplicates: count(report.duplicates) })}
            {report.corrected > 0 && t('imports.upload.corrected', { corrected: count(report.corrected) })}
          </span>
          {!report.alreadyImported && <span>{t('imports.upload.batch', { id: report.batchId })}</span>}
          {report.topReasons.length > 0 && (
            <>
              <span>{t('imports.upload.reasons')}</span>
              <ul className="imports__reasons">
                {report.topReasons.map((r) => (
                  <li key={`${r.field ?? ''}:${r.rule}`} data-testid="import-upload-reason">
                    {t('imports.reasonCount', { reason: r.example, count: r.count })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {report.extraColumns.length > 0 && <span>{t('imports.upload.extraColumns', { columns: report.extraColumns.join(', ') })}</span>}
        </div>
      )}
    </section>
  );
}
