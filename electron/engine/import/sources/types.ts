/**
 * The shapes `inspectFile` returns (re-exported by index.ts).
 */
import type { FileFormat, ImportProblem } from '../../../../shared/import-types';

/** The preview of one sheet (or the single table of a text/Parquet/Arrow/JSON file). */
export interface SourceSheet {
  sheet: string;
  /**
   * 1-based number of the last header row (Excel row, or text-file line where the header record
   * starts); 0 for formats whose column names are not a row (Parquet, Arrow, JSON) and when no header
   * was found (then `problems` holds IMPORT_NO_HEADER).
   */
  headerRow: number;
  headerRows: 1 | 2;
  /** NFC header names, one per column; two-row headers joined 'Group / Name' under a merged group cell. */
  headers: string[];
  /** First data rows as text, padded/cut to `headers.length`. */
  sampleRows: string[][];
  /** Data rows below the header, when known cheaply (the whole sheet fit in the preview, or metadata). */
  rowCount?: number;
  problems: ImportProblem[];
}

/** What `inspectFile` learned about a file. */
export interface SourceInfo {
  file: string;
  format: FileFormat;
  /** Text encoding of text files ('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1258', 'tcvn3', 'vni'…). */
  encoding?: string;
  /** When the encoding guess is unsure: the alternatives the user may pick (pass one as `opts.encoding`). */
  encodingChoices?: string[];
  /** Field delimiter of text files. */
  delimiter?: string;
  sheets: SourceSheet[];
  problems: ImportProblem[];
}
