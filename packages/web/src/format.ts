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
