import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DomainError } from '../errors/domain-error.js';
import {
  defaultQuarantineOrderTemplates,
  fillOrderLine,
  fillQuarantineOrder,
  orderLocales,
  orderPlaceholders,
  type OrderPlaceholder,
} from './quarantine-order-template.js';

const values = Object.fromEntries(orderPlaceholders.map((p) => [p, `<${p}>`])) as Record<OrderPlaceholder, string>;

describe('quarantine-order templates', () => {
  for (const locale of orderLocales) {
    it(`the ${locale} template leaves no marker and names every person field`, () => {
      const order = fillQuarantineOrder(defaultQuarantineOrderTemplates[locale], values);
      const text = [order.title, order.legalBasis, ...order.body, ...order.closing].join('\n');
      assert.doesNotMatch(text, /\{\{|\}\}/);
      for (const p of ['name', 'residentId', 'address', 'startDate', 'endDate', 'place', 'orderNo']) assert.ok(text.includes(`<${p}>`), p);
    });
  }

  it('inserts values verbatim, even ones that look like markers', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        assert.equal(fillOrderLine('[{{name}}]', { ...values, name }), `[${name}]`);
      }),
    );
  });

  it('refuses an unknown placeholder, naming it', () => {
    assert.throws(
      () => fillOrderLine('Dear {{nickname}}', values),
      (e: unknown) => e instanceof DomainError && e.code === 'validation_failed' && String(e.details.reason).includes('{{nickname}}'),
    );
  });
});
