/** Controls for bulk documents: print quarantine orders for a list of people; export a task list. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import { ApiError } from './api-client.js';
import { downloadQuarantineOrders, downloadTaskExport } from './bulk-downloads.js';
import { ErrorMessage } from './error-message.js';

function useDownload(): { busy: boolean; error: ApiError | null; run: (work: () => Promise<void>) => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = (work: () => Promise<void>): void => {
    setBusy(true);
    setError(null);
    work()
      .catch((e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'internal', String(e))))
      .finally(() => setBusy(false));
  };
  return { busy, error, run };
}

/** Props of {@link PrintOrdersButton}. */
export interface PrintOrdersButtonProps {
  /** The people to print orders for. */
  readonly personIds: readonly number[];
  readonly purpose: Purpose;
}

/** "Print quarantine orders": one PDF, a page per person, in the interface language. */
export function PrintOrdersButton({ personIds, purpose }: PrintOrdersButtonProps): ReactElement {
  const { t, i18n } = useTranslation();
  const download = useDownload();
  const locale = i18n.language.startsWith('zh') ? 'zh' : 'en';
  return (
    <div className="bulk-actions">
      <button
        type="button"
        className="button"
        disabled={download.busy || personIds.length === 0}
        onClick={() => download.run(() => downloadQuarantineOrders(personIds, purpose, locale))}
        data-testid="print-orders"
      >
        {download.busy ? t('bulk.preparing') : t('bulk.printOrders', { count: personIds.length })}
      </button>
      {download.error !== null && <ErrorMessage error={download.error} testId="print-orders-error" />}
    </div>
  );
}

/** Props of {@link TaskExportButtons}. */
export interface TaskExportButtonsProps {
  readonly view: 'mine' | 'region';
  readonly status: 'open' | 'done' | 'overdue';
}

/** "Export CSV / XLSX" of a task list with its filters. */
export function TaskExportButtons({ view, status }: TaskExportButtonsProps): ReactElement {
  const { t } = useTranslation();
  const download = useDownload();
  return (
    <div className="bulk-actions">
      {(['csv', 'xlsx'] as const).map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={download.busy}
          onClick={() => download.run(() => downloadTaskExport(format, view, status))}
          data-testid={`export-${format}`}
        >
          {t(format === 'csv' ? 'bulk.exportCsv' : 'bulk.exportXlsx')}
        </button>
      ))}
      {download.error !== null && <ErrorMessage error={download.error} testId="export-error" />}
    </div>
  );
}
