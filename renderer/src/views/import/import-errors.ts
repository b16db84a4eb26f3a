/**
 * Import errors as the UI shows them: the engine's code and details (file, sheet, row, column), the
 * i18n group that explains the code and says what to do next, and where the problem is. The generic
 * `toUiError` drops details; imports need them.
 */
import type { ErrorCode, ErrorDetails } from '../../../../shared/errors';
import { toUiError } from '../../errors/ui-error';

/** An import error normalised for display. */
export interface ImportUiError {
  code: ErrorCode;
  /** The engine's English message, for logs only. */
  message: string;
  details: ErrorDetails;
}

/** Codes with their own explanation under `import.errors.`; everything else shares `UNKNOWN`. */
const OWN_WORDS: readonly string[] = [
  'IMPORT_MISSING_COLUMN',
  'IMPORT_KIND_UNKNOWN',
  'IMPORT_NO_HEADER',
  'IMPORT_NO_ROWS',
  'IMPORT_MAPPING_INVALID',
  'IMPORT_DUPLICATE_ID',
  'IMPORT_FAILED',
  'FILE_NOT_FOUND',
  'FILE_NOT_ALLOWED',
  'FILE_EMPTY',
  'FILE_UNREADABLE',
  'FILE_FORMAT_UNKNOWN',
  'FILE_TOO_LARGE',
  'FILE_XLS_UNSUPPORTED',
  'IMPORT_BAD_GEOMETRY',
  'IMPORT_GEOMETRY_TOO_LARGE',
  'IMPORT_PROJECTION_UNKNOWN',
  'WORKSPACE_LOCKED',
  'CANCELLED',
  'REQUEST_INVALID',
];

/** Anything thrown → ImportUiError (details kept when the error carries them). */
export function toImportError(e: unknown): ImportUiError {
  const u = toUiError(e);
  const raw = typeof e === 'object' && e !== null ? (e as { details?: unknown }).details : undefined;
  const details: ErrorDetails = raw && typeof raw === 'object' ? { ...(raw as ErrorDetails) } : {};
  return { code: u.code, message: u.message, details };
}

/** The key group (`import.errors.<key>.title` / `.action`) explaining a code. */
export function importErrorKey(code: ErrorCode): string {
  if (OWN_WORDS.includes(code)) return code;
  if (code === 'INTERNAL') return 'DISCONNECTED';
  return 'UNKNOWN';
}

/** True when trying the same thing again may help (a lost connection, a lock); not for bad files. */
export function isRetryable(code: ErrorCode): boolean {
  return ['INTERNAL', 'WORKSPACE_LOCKED', 'IMPORT_FAILED', 'CANCELLED', 'FILE_NOT_FOUND'].includes(code);
}

/** Where an error points, ready to show: the file's base name, sheet, 1-based row, column. */
export interface ErrorPlace {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

/** Base name of a path, either separator. */
export function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/** The place from error details; unknown or malformed parts are left out. */
export function errorPlace(details: ErrorDetails): ErrorPlace {
  const out: ErrorPlace = {};
  if (typeof details.file === 'string' && details.file) out.file = baseName(details.file);
  if (typeof details.sheet === 'string' && details.sheet) out.sheet = details.sheet;
  if (typeof details.row === 'number' && Number.isFinite(details.row)) out.row = details.row;
  if (typeof details.column === 'string' && details.column) out.column = details.column;
  return out;
}
