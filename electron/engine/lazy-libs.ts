/**
 * Libraries only some requests need — reading .xlsx/.xls workbooks and zipped Shapefiles, writing Excel and
 * PowerPoint — loaded on first use instead of when the engine starts. Loaded eagerly they took about 270 ms
 * of the engine's 0.54 s start here (exceljs alone 140 ms, SheetJS's code pages 80 ms), all before the
 * workspace could open and the first Overview query run. Each loads once; later calls get the same module.
 */
import type * as SheetJS from '@e965/xlsx';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => (loading ??= load());
}

/** ExcelJS (the default export of a CommonJS module). */
export const loadExcelJS = once(async () => (await import('exceljs')).default);

/** SheetJS with its legacy code pages installed (old .xls files in Windows-1258 and the like). */
export const loadSheetJS = once(async (): Promise<typeof SheetJS> => {
  const [xlsx, cptable] = await Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel')]);
  xlsx.set_cptable(cptable);
  return xlsx;
});

/** PptxGenJS's constructor (its default export, under whichever interop the bundler applied). */
export const loadPptxGenJS = once(async () => {
  const m = await import('pptxgenjs');
  type Ctor = typeof m.default;
  return (m.default as unknown as { default?: Ctor }).default ?? m.default;
});

/** proj4 and shpjs, which read zipped Shapefiles. */
export const loadShapefileLibs = once(async () => {
  const [proj4, shpjs] = await Promise.all([import('proj4'), import('shpjs')]);
  return { proj4: proj4.default, parseShp: shpjs.parseShp, parseDbf: shpjs.parseDbf };
});
