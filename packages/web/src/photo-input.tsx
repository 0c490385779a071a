/** Takes a photo with the phone's camera and keeps it as a JPEG data URL of at most 200 kB, with a preview. */
import { useState } from 'react';
import type { ChangeEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { photoDataUrl } from './photo-capture.js';

/** Props of {@link PhotoInput}. */
export interface PhotoInputProps {
  readonly photo: string | null;
  readonly onChange: (photo: string | null) => void;
}

/** A camera button, the preview, and a way to drop the photo. */
export function PhotoInput({ photo, onChange }: PhotoInputProps): ReactElement {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    setError(null);
    setBusy(true);
    try {
      onChange(await photoDataUrl(file));
    } catch (caught) {
      setError(t('outcomeForm.photoFailed', { reason: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="photoinput">
      <label className="button button--ghost photoinput__button">
        <input type="file" accept="image/*" capture="environment" onChange={(event) => void pick(event)} data-testid="outcome-photo" className="visually-hidden" />
        {busy ? t('outcomeForm.photoBusy') : photo === null ? t('outcomeForm.photo') : t('outcomeForm.photoAgain')}
      </label>
      {photo !== null && (
        <span className="photoinput__preview">
          <img src={photo} alt={t('outcomeForm.photoPreview')} data-testid="outcome-photo-preview" />
          <button type="button" className="button button--ghost" onClick={() => onChange(null)}>
            {t('outcomeForm.photoRemove')}
          </button>
        </span>
      )}
      {error !== null && (
        <span className="alert alert--error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
