/**
 * The harness's per-run secret: created at start, presented by the browser as `?token=` on the first
 * page load and as the `dvk_token` cookie afterwards. Compared in constant time.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Name of the cookie that carries the token after the first page load. */
export const TOKEN_COOKIE = 'dvk_token';

/** A fresh random token: 24 random bytes, base64url (32 characters, safe in URLs and cookies). */
export function makeToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Constant-time comparison (hashing first makes the comparison independent of the lengths too). */
export function tokensEqual(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given, 'utf8').digest();
  const b = crypto.createHash('sha256').update(expected, 'utf8').digest();
  return crypto.timingSafeEqual(a, b);
}

/** The value of one cookie in a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** How a request presented the token. */
export type TokenCheck = 'query' | 'cookie' | 'missing' | 'wrong';

/**
 * Check the token of a request. A `?token=` in the URL wins over the cookie (a wrong one is refused
 * even when a valid cookie is present, so a stale link fails visibly).
 */
export function checkToken(req: IncomingMessage, query: URLSearchParams, expected: string): TokenCheck {
  const fromQuery = query.get('token');
  if (fromQuery !== null) return tokensEqual(fromQuery, expected) ? 'query' : 'wrong';
  const fromCookie = readCookie(req.headers.cookie, TOKEN_COOKIE);
  if (fromCookie === null) return 'missing';
  return tokensEqual(fromCookie, expected) ? 'cookie' : 'wrong';
}

/** The `Set-Cookie` value handing the token to the page. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
