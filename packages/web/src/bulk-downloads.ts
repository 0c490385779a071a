/**
 * Bulk documents the API streams as files: quarantine orders (PDF), task-list exports (CSV, XLSX) and
 * an import batch's rejected rows (CSV).
 * They are fetched with the session token and handed to the browser as a download.
 */
import type { Purpose } from '@epigrid/core';
import { ApiError, getToken } from './api-client.js';

async function saveResponse(response: Response, fallbackName: string): Promise<void> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? 'internal', body?.error?.message ?? response.statusText);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function authHeaders(): Record<string, string> {
  const token = getToken();
  return token === null ? {} : { Authorization: `Bearer ${token}` };
}

/**
 * Downloads the quarantine orders of people (one PDF, a page per person).
 * @param personIds - the people
 * @param purpose - declared purpose (decides whether the resident ID is printed in clear)
 * @param locale - language of the orders
 */
export async function downloadQuarantineOrders(personIds: readonly number[], purpose: Purpose, locale: 'zh' | 'en'): Promise<void> {
  const response = await fetch('/api/quarantine-orders', {
    method: 'POST',
    headers: { ...authHeaders(), 'Content-Type': 'application/json', 'X-Purpose': purpose },
    body: JSON.stringify({ personIds, locale }),
  });
  await saveResponse(response, 'quarantine-orders.pdf');
}

/**
 * Downloads a task list as CSV or XLSX.
 * @param format - file format
 * @param view - `mine` or `region`
 * @param status - `open`, `done` or `overdue`
 */
export async function downloadTaskExport(format: 'csv' | 'xlsx', view: 'mine' | 'region', status: 'open' | 'done' | 'overdue'): Promise<void> {
  const query = new URLSearchParams({ format, view, status });
  await saveResponse(await fetch(`/api/tasks/export?${query.toString()}`, { headers: authHeaders() }), `tasks.${format}`);
}

/**
 * Downloads the rejected rows of an import batch that still wait for work, raw fields in clear (CSV).
 * @param batchId - import batch id
 * @param purpose - declared purpose, recorded in the audit log
 */
export async function downloadDeadLetters(batchId: number, purpose: Purpose): Promise<void> {
  const response = await fetch(`/api/import-batches/${encodeURIComponent(String(batchId))}/dead-letters.csv?status=open`, {
    headers: { ...authHeaders(), 'X-Purpose': purpose },
  });
  await saveResponse(response, `dead-letters-batch-${batchId}.csv`);
}
