/** Changing the level mapping of a stored imported list: one of this instance's levels for each level name of the publisher. */
import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import { remapRiskList, type ImportedRiskList } from './judgment-api.js';
import { currentLevelMap } from './risk-list-file.js';

/** Props of {@link RiskListRemapForm}. */
export interface RiskListRemapFormProps {
  readonly list: ImportedRiskList;
  /** This instance's levels, highest first. */
  readonly ourLevels: readonly string[];
  /** Called with the list as stored after the change. */
  readonly onSaved: (list: ImportedRiskList) => void;
  readonly onCancel: () => void;
}

/** One select per publisher level name, prefilled with the current mapping; Save, or the server's reason for refusing. */
export function RiskListRemapForm({ list, ourLevels, onSaved, onCancel }: RiskListRemapFormProps): ReactElement {
  const { t } = useTranslation();
  const [levelMap, setLevelMap] = useState<Record<string, string>>(() => Object.fromEntries(currentLevelMap(list)));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setRefusal(null);
    setBusy(true);
    try {
      onSaved(await remapRiskList(list.id, levelMap));
    } catch (cause) {
      // The server's own message names the level and the known ones; a translated error code would not.
      setRefusal(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="form review-form" onSubmit={(event) => void submit(event)} data-testid="risk-import-remap-form">
        {Object.entries(levelMap).map(([published, level]) => (
          <label key={published} className="field">
            <span className="field__label">{t('riskImports.remapLevel', { level: published })}</span>
            <select
              className="input"
              value={level}
              onChange={(event) => setLevelMap({ ...levelMap, [published]: event.target.value })}
              data-testid="risk-import-remap-level"
              data-published={published}
            >
              {/* A level this instance no longer knows stays selectable, so the server says why it is refused. */}
              {(ourLevels.includes(level) ? ourLevels : [...ourLevels, level]).map((ours) => (
                <option key={ours} value={ours}>
                  {t(`areas.levels.${ours}`, { defaultValue: ours })} ({ours})
                </option>
              ))}
            </select>
          </label>
        ))}
        <button className="button button--primary" type="submit" disabled={busy} data-testid="risk-import-remap-save">
          {busy ? t('riskImports.remapBusy') : t('riskImports.remapSave')}
        </button>
        <button className="button button--ghost" type="button" onClick={onCancel} data-testid="risk-import-remap-cancel">
          {t('riskImports.remapCancel')}
        </button>
      </form>
      {refusal !== null && (
        <p className="alert alert--error" role="alert" data-testid="risk-import-remap-error">
          {t('riskImports.remapRefused', { reason: refusal })}
        </p>
      )}
    </>
  );
}
