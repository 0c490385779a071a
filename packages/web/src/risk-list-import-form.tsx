/** The form that imports another jurisdiction's list of risk areas from a file read in the browser. */
import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { importRiskList, type RiskListImportResult } from './judgment-api.js';
import type { Language } from './i18n.js';
import { readLevelMapText } from './level-map-text.js';
import { readRiskListFile } from './risk-list-file.js';
import { useLanguage } from './use-language.js';

// Chinese runs sentences together after their full stop; English spaces them.
const sentenceGap: Readonly<Record<Language, string>> = { zh: '', en: ' ' };
const listGap: Readonly<Record<Language, string>> = { zh: '，', en: ', ' };

/** Props of {@link RiskListImportForm}. */
export interface RiskListImportFormProps {
  /** Called after a list was imported, so the imported lists are read again. */
  readonly onImported: () => void;
}

/** File, publisher and level mapping, the import, then what it did or why the server refused it. */
export function RiskListImportForm({ onImported }: RiskListImportFormProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const [file, setFile] = useState<File | null>(null);
  const [publisher, setPublisher] = useState('');
  const [levelMapText, setLevelMapText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<RiskListImportResult | null>(null);
  // A file input cannot be cleared through React state; a new key gives a fresh one.
  const [fileInputKey, setFileInputKey] = useState(0);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setProblem(null);
    setError(null);
    setResult(null);
    if (file === null) {
      setProblem(t('riskImports.chooseFile'));
      return;
    }
    const levels = readLevelMapText(levelMapText);
    if (!levels.ok) {
      setProblem(t(levels.problem === 'twice' ? 'riskImports.levelMapTwice' : 'riskImports.levelMapMalformed', { entry: levels.entry }));
      return;
    }
    setBusy(true);
    try {
      const reading = readRiskListFile({ name: file.name, type: file.type, text: await file.text() }, publisher, levels.levelMap);
      if (!reading.ok) {
        setProblem(t('riskImports.notJson', { reason: reading.reason }));
        return;
      }
      setResult(await importRiskList(reading.body));
      setFile(null);
      setPublisher('');
      setLevelMapText('');
      setFileInputKey((n) => n + 1);
      onImported();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : new ApiError(0, 'internal', cause instanceof Error ? cause.message : String(cause)));
    } finally {
      setBusy(false);
    }
  };

  const renamed = result?.levelMapping.filter((m) => m.published !== m.level) ?? [];
  // The level's code too, as the officer types it in the mapping.
  const levelName = (level: string): string => {
    const shown = t(`areas.levels.${level}`, { defaultValue: level });
    return shown === level ? level : `${shown} (${level})`;
  };

  return (
    <>
      <h3 className="panel__title risk-imports__form-title">{t('riskImports.formTitle')}</h3>
      <form className="form review-form" onSubmit={(event) => void submit(event)} data-testid="risk-import-form">
        <label className="field">
          <span className="field__label">{t('riskImports.file')}</span>
          <input
            key={fileInputKey}
            className="input"
            type="file"
            accept=".json,.csv,application/json,text/csv"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            data-testid="risk-import-file"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('riskImports.publisher')}</span>
          <input
            className="input"
            value={publisher}
            placeholder="national"
            title={t('riskImports.publisherHint')}
            onChange={(event) => setPublisher(event.target.value)}
            data-testid="risk-import-publisher"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('riskImports.levelMap')}</span>
          <input
            className="input"
            value={levelMapText}
            placeholder="高风险=high, 中风险=medium"
            title={t('riskImports.levelMapHint')}
            onChange={(event) => setLevelMapText(event.target.value)}
            data-testid="risk-import-levels"
          />
        </label>
        <button className="button button--primary" type="submit" disabled={busy} data-testid="risk-import-submit">
          {busy ? t('riskImports.busy') : t('riskImports.submit')}
        </button>
      </form>
      <p className="panel__hint">{t('riskImports.publisherHint')}</p>
      <p className="panel__hint">{t('riskImports.levelMapHint')}</p>
      {problem !== null && (
        <p className="alert alert--error" role="alert" data-testid="risk-import-problem">
          {problem}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} testId="risk-import-error" />}
      {result !== null && (
        <p className="alert alert--info" role="status" data-testid="risk-import-result">
          {[
            t(result.replaced ? 'riskImports.doneReplaced' : 'riskImports.doneNew', { publisher: result.publisher, areas: result.areas }),
            ...(result.backgroundAreas > 0 ? [t('riskImports.background', { count: result.backgroundAreas })] : []),
            ...(renamed.length > 0 ? [t('riskImports.levelsRead', { mapping: renamed.map((m) => `${m.published} → ${levelName(m.level)}`).join(listGap[language]) })] : []),
            t('riskImports.rejudged', { persons: result.persons, changes: result.colourChanges }),
          ].join(sentenceGap[language])}
        </p>
      )}
    </>
  );
}
