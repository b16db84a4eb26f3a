/**
 * The bundled Be Vietnam Pro for exported images. Canvas (PNG) draws with the page's loaded fonts, so a
 * PNG export first waits until the weights it uses are loaded; an SVG file is opened elsewhere (slides,
 * another PC without the font), so the font subsets are embedded in it as base64 @font-face rules with
 * the same unicode ranges as @fontsource's CSS. The subsets are inlined into the bundle as data URLs
 * (`?inline`): nothing is fetched, which also holds in the packaged app, where the page is a file: URL
 * that fetch() cannot read.
 */
import vi400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff2?inline';
import vi600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff2?inline';
import ext400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-400-normal.woff2?inline';
import ext600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-600-normal.woff2?inline';
import lat400 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff2?inline';
import lat600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff2?inline';

/** The family name charts use (theme.ts puts it first in every font stack). */
export const EXPORT_FONT = 'Be Vietnam Pro';

const RANGES = {
  vietnamese:
    'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  latinExt:
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
} as const;

const FACES: readonly { url: string; weight: number; range: string }[] = [
  { url: vi400, weight: 400, range: RANGES.vietnamese },
  { url: ext400, weight: 400, range: RANGES.latinExt },
  { url: lat400, weight: 400, range: RANGES.latin },
  { url: vi600, weight: 600, range: RANGES.vietnamese },
  { url: ext600, weight: 600, range: RANGES.latinExt },
  { url: lat600, weight: 600, range: RANGES.latin },
];

/** Wait until the weights an export draws with are loaded (canvas silently falls back otherwise). */
export async function ensureExportFonts(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = 'Dân vận khéo ĐƯỢC ạ 0123';
  await Promise.all([
    document.fonts.load(`400 16px "${EXPORT_FONT}"`, sample),
    document.fonts.load(`600 16px "${EXPORT_FONT}"`, sample),
  ]);
}

async function base64Of(url: string): Promise<string> {
  if (url.startsWith('data:')) return url.slice(url.indexOf(',') + 1);
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

let css: Promise<string> | null = null;

/** The @font-face rules with the font data inline (built once per page). */
export function embeddedFontCss(): Promise<string> {
  css ??= Promise.all(
    FACES.map(
      async (f) =>
        `@font-face{font-family:'${EXPORT_FONT}';font-style:normal;font-weight:${f.weight};` +
        `src:url(data:font/woff2;base64,${await base64Of(f.url)}) format('woff2');unicode-range:${f.range};}`,
    ),
  ).then((rules) => rules.join(''));
  return css;
}
