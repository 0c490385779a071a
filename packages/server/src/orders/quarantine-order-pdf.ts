import PDFDocument from 'pdfkit';
import { DomainError, type FilledOrder } from '@epigrid/core';
import { needsCjkFont, type CjkFont } from './cjk-font.js';

const MARGIN = 64;
const PAGES_PER_TURN = 10;

/**
 * Renders quarantine orders into one PDF, one page per person. The document is a readable stream:
 * pages are written out as they are drawn, so hundreds of orders never sit in memory as one buffer.
 * @param orders - filled orders, in print order
 * @param font - the CJK font, or null when none is installed
 * @throws DomainError config_invalid when an order holds Chinese text and no CJK font is installed
 */
export function renderQuarantineOrders(orders: readonly FilledOrder[], font: CjkFont | null): PDFKit.PDFDocument {
  if (font === null) {
    const chinese = orders.find((o) => [o.title, o.legalBasis, ...o.body, ...o.closing].some(needsCjkFont));
    if (chinese !== undefined) {
      throw new DomainError('config_invalid', {
        field: 'EPIGRID_CJK_FONT',
        reason: 'printing Chinese text needs a CJK font: install fonts-wqy-microhei or set EPIGRID_CJK_FONT to a .ttf/.otf/.ttc file',
      });
    }
  }
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false, info: { Title: orders[0]?.title ?? 'Quarantine orders', Producer: 'EpiGrid' } });
  if (font !== null) doc.registerFont('cjk', font.path, font.face);
  const face = font === null ? 'Helvetica' : 'cjk';
  // Pages are drawn a few at a time on later turns of the event loop, so the caller pipes the stream
  // first and the socket drains between batches.
  const drawFrom = (start: number): void => {
    try {
      const stop = Math.min(start + PAGES_PER_TURN, orders.length);
      for (let i = start; i < stop; i++) drawOrder(doc, orders[i]!, face);
      if (stop < orders.length) setImmediate(drawFrom, stop);
      else doc.end();
    } catch (error) {
      doc.destroy(error as Error);
    }
  };
  setImmediate(drawFrom, 0);
  return doc;
}

function drawOrder(doc: PDFKit.PDFDocument, order: FilledOrder, face: string): void {
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  doc.font(face).fontSize(20).text(order.title, { align: 'center', width });
  doc.moveDown(0.5).fontSize(10).fillColor('#444444').text(order.legalBasis, { align: 'center', width });
  doc.moveDown(1.5).fillColor('#000000').fontSize(12);
  for (const paragraph of order.body) doc.text(paragraph, { width, lineGap: 4, paragraphGap: 10 });
  doc.moveDown(3);
  for (const line of order.closing) doc.text(line, { align: 'right', width, lineGap: 4 });
}
