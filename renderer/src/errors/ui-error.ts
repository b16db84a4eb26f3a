/**
 * Errors as the UI sees them: a stable code (from the engine's AtlasError, duck-typed because a
 * transport may rebuild the error object) and the words to show for it. Stack traces never reach the
 * screen; the English engine message is kept for the console only.
 */
import type { ErrorCode } from '../../../shared/errors';

/** An error normalised for display. */
export interface UiError {
  code: ErrorCode;
  /** The engine's English message, for logs only. */
  message: string;
}

/** Groups of codes that share one explanation and next step (keys under `errors.` in i18n). */
export type ErrorMessageKey =
  | 'WORKSPACE_LOCKED'
  | 'QUERY_FAILED'
  | 'SPEC_INVALID'
  | 'DISCONNECTED'
  | 'WORKSPACE_OPEN_FAILED'
  | 'WORKSPACE_NEWER'
  | 'CANCELLED'
  | 'UNKNOWN';

/** Anything thrown → UiError. Objects with an upper-case string `code` keep it; everything else is INTERNAL. */
export function toUiError(e: unknown): UiError {
  if (typeof e === 'object' && e !== null) {
    const code = (e as { code?: unknown }).code;
    const message = String((e as { message?: unknown }).message ?? '');
    if (typeof code === 'string' && /^[A-Z][A-Z_]*$/.test(code)) {
      return { code: code as ErrorCode, message };
    }
    return { code: 'INTERNAL', message };
  }
  return { code: 'INTERNAL', message: String(e) };
}

/** True for the error a newer request for the same view causes: not a failure, never shown. */
export function isSuperseded(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'SUPERSEDED';
}

/** Which explanation to show for a code. INTERNAL means the engine or its connection is gone. */
export function errorMessageKey(code: ErrorCode): ErrorMessageKey {
  switch (code) {
    case 'WORKSPACE_LOCKED':
    case 'QUERY_FAILED':
    case 'SPEC_INVALID':
    case 'WORKSPACE_OPEN_FAILED':
    case 'WORKSPACE_NEWER':
    case 'CANCELLED':
      return code;
    case 'REQUEST_INVALID':
    case 'METHOD_UNKNOWN':
      return 'SPEC_INVALID';
    case 'INTERNAL':
      return 'DISCONNECTED';
    default:
      return 'UNKNOWN';
  }
}
