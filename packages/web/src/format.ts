/** Display helpers that depend on the UI language. */
import { ageOn } from '@epigrid/core';
import type { Language } from './i18n.js';

/**
 * Picks the name of a place in the UI language.
 * @param language - UI language
 * @param nameZh - Chinese name
 * @param nameEn - English name
 */
export function localName(language: Language, nameZh: string, nameEn: string): string {
  if (language === 'zh') return nameZh !== '' ? nameZh : nameEn;
  return nameEn !== '' ? nameEn : nameZh;
}

/**
 * Formats a count with the UI language's digit grouping.
 * @param language - UI language
 * @param value - number to format
 */
export function formatCount(language: Language, value: number): string {
  return value.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB');
}

/** Today's date as YYYY-MM-DD in local time. */
export function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Age in completed years today, or null when the birth date is not a YYYY-MM-DD date.
 * @param birthDate - YYYY-MM-DD
 */
export function ageToday(birthDate: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(birthDate)) return null;
  return ageOn(birthDate.slice(0, 10), today());
}

/**
 * Offset of the time zone case data is shown in: China Standard Time (UTC+8), the zone the server
 * counts calendar days, exposure windows and quarantine dates in, whatever the browser's zone is.
 */
export const displayUtcOffsetMinutes = 480;

function shifted(value: string | number): Date | null {
  const ms = typeof value === 'number' ? value * 1000 : Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms + displayUtcOffsetMinutes * 60_000);
}

/**
 * A timestamp as `YYYY-MM-DD HH:mm` in China Standard Time.
 * @param value - ISO timestamp, or epoch seconds
 */
export function formatTimestamp(value: string | number): string {
  const date = shifted(value);
  if (date === null) return String(value);
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * The two ends of a time span in China Standard Time; the end is just `HH:mm` when on the same day.
 * @param from - start, ISO timestamp or epoch seconds
 * @param to - end, ISO timestamp or epoch seconds
 */
export function formatSpan(from: string | number, to: string | number): { readonly from: string; readonly to: string } {
  const start = formatTimestamp(from);
  const end = formatTimestamp(to);
  return { from: start, to: start.slice(0, 10) === end.slice(0, 10) ? end.slice(11) : end };
}

/**
 * A fraction (0–1) as a whole percentage, or with one decimal below 10 %.
 * @param language - UI language
 * @param fraction - value between 0 and 1
 */
export function formatPercent(language: Language, fraction: number): string {
  return fraction.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: fraction < 0.1 ? 1 : 0,
  });
}
