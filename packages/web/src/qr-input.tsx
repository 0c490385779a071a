/** Gets a QR code's text from the camera (getUserMedia, frames read with jsQR) or from an image file. */
import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { readQrFile, readQrFrom } from './qr-reader.js';

/** Props of {@link QrInput}. */
export interface QrInputProps {
  /** Called with the text of the first QR code read. */
  readonly onText: (text: string) => void;
  /** Prefix of the `data-testid` of the controls. */
  readonly testId: string;
}

const FRAME_INTERVAL_MS = 200;

/** Camera and image-file inputs; says so when an image holds no QR code or the camera is unavailable. */
export function QrInput({ onText, testId }: QrInputProps): ReactElement {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [camera, setCamera] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!camera) return undefined;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const stop = (): void => {
      stopped = true;
      if (timer !== undefined) window.clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        if (stopped || video.current === null) return stop();
        video.current.srcObject = media;
        await video.current.play();
        timer = window.setInterval(() => {
          const element = video.current;
          if (element === null) return;
          const text = readQrFrom(element, element.videoWidth, element.videoHeight);
          if (text !== null) {
            stop();
            setCamera(false);
            onText(text);
          }
        }, FRAME_INTERVAL_MS);
      })
      .catch(() => {
        setProblem(t('passes.cameraUnavailable'));
        setCamera(false);
      });
    return stop;
  }, [camera, onText, t]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    setProblem(null);
    try {
      const text = await readQrFile(file);
      if (text === null) setProblem(t('passes.noQrInImage'));
      else onText(text);
    } catch {
      setProblem(t('passes.unreadableImage'));
    }
  };

  return (
    <div className="qr-input">
      <div className="qr-input__controls">
        <button type="button" className="button" onClick={() => { setProblem(null); setCamera((on) => !on); }} data-testid={`${testId}-camera`}>
          {camera ? t('passes.stopCamera') : t('passes.useCamera')}
        </button>
        <label className="button button--ghost qr-input__file">
          {t('passes.chooseImage')}
          <input type="file" accept="image/*" onChange={(e) => void onFile(e)} data-testid={`${testId}-file`} />
        </label>
      </div>
      {camera && <video ref={video} className="qr-input__video" muted playsInline />}
      {problem !== null && (
        <p className="alert alert--info" role="status" data-testid={`${testId}-problem`}>
          {problem}
        </p>
      )}
    </div>
  );
}
