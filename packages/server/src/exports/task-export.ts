import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isOverdue, maskPhone } from '@epigrid/core';
import type { TaskRecord } from '@epigrid/store';
import { csvLine, type Cell } from './csv-line.js';

/** The columns of a task export, in order: header and how each cell is read from a task. */
const columns: ReadonlyArray<readonly [string, (task: TaskRecord, now: Date) => Cell]> = [
  ['id', (t) => t.id],
  ['type', (t) => t.type],
  ['status', (t) => t.status],
  ['priority', (t) => t.priority],
  ['deadline', (t) => new Date(t.deadline).toISOString()],
  ['overdue', (t, now) => (isOverdue(t.status, new Date(t.deadline), now) ? 'yes' : 'no')],
  ['created_at', (t) => new Date(t.createdAt).toISOString()],
  ['person_id', (t) => t.personId],
  ['person_name', (t) => t.personName],
  // Identifiers leave masked whatever the reader's role: an export is a copy outside the audit trail.
  ['phone_masked', (t) => (t.phoneTail === null ? null : maskPhone(t.phoneTail))],
  ['address', (t) => t.address],
  ['home_region_code', (t) => t.homeRegionCode],
  ['home_region_name', (t) => t.homeRegionName],
  ['assigned_level', (t) => t.assignedLevel],
  ['assignee', (t) => t.assigneeName],
  ['outcome', (t) => t.outcomeCode],
  ['outcome_note', (t) => t.outcomeNote],
  ['outcome_recorded_at', (t) => (t.outcomeRecordedAt === null ? null : new Date(t.outcomeRecordedAt).toISOString())],
  ['done_at', (t) => (t.doneAt === null ? null : new Date(t.doneAt).toISOString())],
];

/** Header names of the export, in column order. */
export const taskExportHeader: readonly string[] = columns.map(([name]) => name);

/**
 * One task as export cells.
 * @param task - the task
 * @param now - current time (for `overdue`)
 */
export function taskExportCells(task: TaskRecord, now: Date): Cell[] {
  return columns.map(([, read]) => read(task, now));
}

/**
 * Streams tasks as CSV (UTF-8 with BOM, so spreadsheets read Chinese correctly), page by page.
 * @param pages - the tasks, a page at a time
 * @param now - current time
 */
export function tasksAsCsv(pages: AsyncIterable<readonly TaskRecord[]>, now: Date): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield `\ufeff${csvLine(taskExportHeader)}`;
    for await (const page of pages) yield page.map((task) => csvLine(taskExportCells(task, now))).join('');
  }
  return Readable.from(lines(), { objectMode: false });
}

/**
 * Streams tasks as an XLSX workbook through exceljs' streaming writer: each row is committed (written
 * out) as soon as it is added, so the workbook is never held in memory.
 * @param pages - the tasks, a page at a time
 * @param now - current time
 */
export function tasksAsXlsx(pages: AsyncIterable<readonly TaskRecord[]>, now: Date): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('tasks');
  void (async (): Promise<void> => {
    try {
      sheet.addRow([...taskExportHeader]).commit();
      for await (const page of pages) {
        for (const task of page) sheet.addRow(taskExportCells(task, now)).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
