/** The outcome form of a task: what happened (the codes the task type allows), facility, notes and an optional photo. */
import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FacilitySelect } from './facility-select.js';
import { PhotoInput } from './photo-input.js';
import type { OutcomeCode, OutcomeInput } from './task-types.js';

/** An outcome as the form produces it (the queue adds the client UUID and time). */
export type OutcomeDraft = Omit<OutcomeInput, 'clientId' | 'recordedAt'>;

/** Props of {@link OutcomeForm}. */
export interface OutcomeFormProps {
  readonly allowed: readonly OutcomeCode[];
  /** Saves the outcome (to the phone's queue first). */
  readonly onSubmit: (draft: OutcomeDraft) => Promise<void>;
}

/** Big radio buttons for the outcome, then the details the chosen outcome needs. */
export function OutcomeForm({ allowed, onSubmit }: OutcomeFormProps): ReactElement {
  const { t } = useTranslation();
  const [code, setCode] = useState<OutcomeCode | null>(null);
  const [facility, setFacility] = useState('');
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (code === null) return setProblem(t('outcomeForm.pickOutcome'));
    const facilityId = Number(facility);
    if (code === 'transferred' && !(Number.isInteger(facilityId) && facilityId > 0)) return setProblem(t('outcomeForm.facilityRequired'));
    setProblem(null);
    setBusy(true);
    try {
      await onSubmit({
        code,
        ...(note.trim() !== '' ? { note: note.trim() } : {}),
        ...(code === 'transferred' ? { facilityId } : {}),
        ...(photo !== null ? { photo } : {}),
      });
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };

  return (
    <form className="outcomeform" onSubmit={(event) => void submit(event)} noValidate data-testid="outcome-form">
      <fieldset className="outcomeform__codes">
        <legend>{t('outcomeForm.what')}</legend>
        {allowed.map((option) => (
          <label key={option} className={`outcomeform__code${code === option ? ' outcomeform__code--on' : ''}`}>
            <input
              type="radio"
              name="outcome"
              value={option}
              checked={code === option}
              onChange={() => {
                setCode(option);
                setProblem(null);
              }}
              data-testid={`outcome-${option}`}
            />
            {t(`outcomes.${option}`)}
          </label>
        ))}
      </fieldset>
      {code === 'transferred' && (
        <FacilitySelect
          value={facility}
          onChange={(value) => {
            setFacility(value);
            setProblem(null);
          }}
        />
      )}
      <label className="field">
        <span className="field__label">{t('outcomeForm.note')}</span>
        <textarea className="input outcomeform__note" rows={3} maxLength={1000} value={note} onChange={(event) => setNote(event.target.value)} data-testid="outcome-note" />
      </label>
      <PhotoInput photo={photo} onChange={setPhoto} />
      {problem !== null && (
        <p className="alert alert--error" role="alert" data-testid="outcome-problem">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary outcomeform__submit" disabled={busy} data-testid="outcome-submit">
        {busy ? t('outcomeForm.saving') : t('outcomeForm.submit')}
      </button>
    </form>
  );
}
