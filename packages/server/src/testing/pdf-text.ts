import { inflateSync } from 'node:zlib';

/** What {@link readPdfText} found in a PDF written with an embedded font. */
export interface PdfText {
  readonly pageCount: number;
  /** Text drawn on each page, in drawing order, one line per text operator. */
  readonly pages: readonly string[];
}

function streamsOf(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /(?<!end)stream\r?\n/g;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a deflated stream (an image, or stream data that only looks like the keyword).
    }
    re.lastIndex = end;
  }
  return out;
}

/**
 * Reads the text of a PDF whose fonts carry ToUnicode maps (what pdfkit writes for embedded fonts):
 * the page count from the page objects, and each page's text from its TJ operators decoded through
 * the maps. Enough to check what a generated document says; not a general PDF parser.
 * @param pdf - the document's bytes
 */
export function readPdfText(pdf: Buffer): PdfText {
  const pageCount = (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  const streams = streamsOf(pdf);
  const toUnicode = new Map<number, string>();
  for (const s of streams.filter((t) => t.includes('beginbfrange'))) {
    for (const range of s.matchAll(/<([0-9a-f]+)>\s*<[0-9a-f]+>\s*\[([^\]]*)\]/gi)) {
      const first = Number.parseInt(range[1]!, 16);
      [...range[2]!.matchAll(/<([0-9a-f]+)>/gi)].forEach((hex, i) => {
        const units = hex[1]!.match(/.{4}/g)!.map((u) => Number.parseInt(u, 16));
        toUnicode.set(first + i, String.fromCharCode(...units));
      });
    }
  }
  const pages = streams
    .filter((t) => /\bTJ\b/.test(t))
    .map((t) =>
      [...t.matchAll(/\[(.*?)\]\s*TJ/g)]
        .map((op) =>
          [...op[1]!.matchAll(/<([0-9a-f]+)>/gi)]
            .map((hex) => (hex[1]!.match(/.{4}/g) ?? []).map((code) => toUnicode.get(Number.parseInt(code, 16)) ?? '?').join(''))
            .join(''),
        )
        .join('\n'),
    );
  return { pageCount, pages };
}
