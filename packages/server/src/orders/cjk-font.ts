import { existsSync } from 'node:fs';

/** A font file able to draw Chinese, and the face to use inside it (a TrueType collection holds several). */
export interface CjkFont {
  readonly path: string;
  /** PostScript name of the face inside a .ttc collection; undefined for a single-face file. */
  readonly face: string | undefined;
}

/** System fonts tried in order: WenQuanYi Micro Hei (Debian `fonts-wqy-microhei`, which CI installs), then others. */
const systemCandidates: readonly CjkFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', face: 'AR PL UMing CN' },
];

/**
 * Finds the font used for Chinese text in printed documents: the configured file when given
 * (EPIGRID_CJK_FONT, a .ttf/.otf, or `file.ttc#PostScriptName`), otherwise the first system font found.
 * @param configured - the configured font, if any
 * @returns the font, or null when none is present (documents then refuse Chinese text with a clear error)
 */
export function findCjkFont(configured: string | undefined): CjkFont | null {
  if (configured !== undefined) {
    const [path, face] = configured.split('#');
    return existsSync(path!) ? { path: path!, face } : null;
  }
  return systemCandidates.find((font) => existsSync(font.path)) ?? null;
}

/**
 * Tells whether a text holds characters outside Latin-1 that the PDF standard fonts cannot draw.
 * @param text - text to print
 */
export function needsCjkFont(text: string): boolean {
  for (const char of text) if (char.codePointAt(0)! > 0xff) return true;
  return false;
}
