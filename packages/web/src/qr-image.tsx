/** Renders a text as a QR code image, drawn in the browser. */
import { useEffect, useState } from 'react';
import type { ReactElement } from 'react';
import QRCode from 'qrcode';

/** Props of {@link QrImage}. */
export interface QrImageProps {
  readonly text: string;
  /** Accessible description of the image. */
  readonly label: string;
  readonly testId?: string;
}

/** A QR code of `text` as a PNG data URL image (medium error correction, as passes are shown on screens). */
export function QrImage({ text, label, testId }: QrImageProps): ReactElement {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 320 }).then(
      (data) => {
        if (current) setUrl(data);
      },
      () => {
        if (current) setUrl(null);
      },
    );
    return () => {
      current = false;
    };
  }, [text]);
  return url === null ? <div className="qr qr--empty" aria-busy="true" /> : <img className="qr" src={url} alt={label} data-testid={testId} width={320} height={320} />;
}
