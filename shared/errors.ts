/**
 * Errors are values with stable codes. The engine throws `AtlasError`; the transport sends
 * `{code, message, details}`; the UI maps the code to words in the user's language (the English
 * `message` is for logs and the CLI).
 */

export type ErrorCode =
  | 'SPEC_INVALID'
  | 'REQUEST_INVALID'
  | 'METHOD_UNKNOWN'
  | 'CANCELLED'
  | 'SUPERSEDED'
  | 'WORKSPACE_LOCKED'
  | 'WORKSPACE_OPEN_FAILED'
  | 'WORKSPACE_NEWER'
  | 'FILE_NOT_FOUND'
  | 'FILE_NOT_ALLOWED'
  | 'FILE_EMPTY'
  | 'FILE_UNREADABLE'
  | 'FILE_FORMAT_UNKNOWN'
  | 'FILE_TOO_LARGE'
  | 'FILE_XLS_UNSUPPORTED'
  | 'IMPORT_NO_HEADER'
  | 'IMPORT_KIND_UNKNOWN'
  | 'IMPORT_MISSING_COLUMN'
  | 'IMPORT_DUPLICATE_ID'
  | 'IMPORT_NO_ROWS'
  | 'IMPORT_MAPPING_INVALID'
  | 'IMPORT_FAILED'
  | 'IMPORT_BAD_GEOMETRY'
  | 'IMPORT_GEOMETRY_TOO_LARGE'
  | 'IMPORT_PROJECTION_UNKNOWN'
  | 'QUERY_FAILED'
  | 'EXPORT_FAILED'
  | 'INTERNAL';

/** Details that help a person find the problem: file, sheet, 1-based row, column header. */
export interface ErrorDetails {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  [key: string]: unknown;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class AtlasError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AtlasError';
    this.code = code;
    this.details = details;
  }

  toPayload(): ErrorPayload {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** Normalise anything thrown into a payload; unknown errors become INTERNAL with their message. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (e instanceof AtlasError) return e.toPayload();
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', message };
}

export function isAtlasError(e: unknown, code?: ErrorCode): e is AtlasError {
  return e instanceof AtlasError && (code === undefined || e.code === code);
}
