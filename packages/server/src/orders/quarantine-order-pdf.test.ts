import assert from 'node:assert/strict';
import { buffer, text } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { defaultQuarantineOrderTemplates, DomainError, fillQuarantineOrder, orderPlaceholders, type OrderPlaceholder } from '@epigrid/core';
import { readPdfText } from '../testing/pdf-text.js';
import { findCjkFont } from './cjk-font.js';
import { renderQuarantineOrders } from './quarantine-order-pdf.js';

const values = (name: string): Record<OrderPlaceholder, string> =>
  ({ ...Object.fromEntries(orderPlaceholders.map((p) => [p, `<${p}>`])), name }) as Record<OrderPlaceholder, string>;

describe('quarantine-order PDF', () => {
  it('prints one page per person with their Chinese name, using the installed CJK font', async () => {
    const font = findCjkFont(undefined);
    assert.ok(font, 'a CJK font is installed (fonts-wqy-microhei)');
    const names = Array.from({ length: 25 }, (_, i) => `测试人${String.fromCharCode(0x4e00 + i)}`);
    const orders = names.map((n) => fillQuarantineOrder(defaultQuarantineOrderTemplates.zh, values(n)));
    const pdf = readPdfText(await buffer(renderQuarantineOrders(orders, font)));
    assert.equal(pdf.pageCount, 25);
    names.forEach((name, i) => assert.ok(pdf.pages[i]!.includes(`${name}（身份证号`), `page ${i + 1} names ${name}`));
    assert.ok(pdf.pages[0]!.includes('传染病防治法'));
  });

  it('refuses Chinese text without a CJK font, naming the setting, and prints Latin text with the standard font', async () => {
    const zh = [fillQuarantineOrder(defaultQuarantineOrderTemplates.zh, values('张三'))];
    assert.throws(() => renderQuarantineOrders(zh, null), (e: unknown) => e instanceof DomainError && e.details.field === 'EPIGRID_CJK_FONT');
    const en = [fillQuarantineOrder(defaultQuarantineOrderTemplates.en, values('Li Si'))];
    const pdf = await text(renderQuarantineOrders(en, null));
    assert.match(pdf, /^%PDF-1\.\d/);
    assert.equal((pdf.match(/\/Type \/Page\b(?!s)/g) ?? []).length, 1);
  });
});
