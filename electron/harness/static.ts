/**
 * Static files of the built renderer, served safely: GET/HEAD only, no path traversal (checked on the
 * resolved and on the real path, so a symlink cannot lead out), no directory listings, no dotfiles,
 * explicit content types and security headers on every response.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The page's policy: the same one renderer/index.html declares in its meta tag. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self'; connect-src 'self' ws://127.0.0.1:*";

/** Headers sent with every harness response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Content type for a file name; unknown extensions are opaque bytes. */
export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A short plain-text answer (errors) with the security headers. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text + '\n');
}

const inside = (root: string, p: string) =>
  p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);

/**
 * Map a raw (still percent-encoded) URL path to a file under `root` (a real path). Returns an HTTP
 * status instead when the path is malformed (400), escapes the root (403) or names no file (404).
 */
export async function resolveStatic(root: string, rawPath: string): Promise<string | 400 | 403 | 404> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 400;
  }
  if (decoded.includes('\0') || !decoded.startsWith('/')) return 400;
  const segments = decoded.split(/[/\\]/);
  if (segments.includes('..')) return 403;
  if (segments.some((s) => s.startsWith('.') && s !== '.')) return 404;
  const rel = decoded === '/' ? '/index.html' : decoded;
  const abs = path.resolve(root, '.' + rel);
  if (!inside(root, abs)) return 403;
  let real: string;
  try {
    real = await fs.promises.realpath(abs);
  } catch {
    return 404;
  }
  if (!inside(root, real)) return 403;
  const st = await fs.promises.stat(real).catch(() => null);
  return st?.isFile() ? real : 404;
}

/** Serve one static request; the caller has already checked the token. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  rawPath: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const file = await resolveStatic(root, rawPath);
  if (typeof file === 'number') {
    sendText(res, file, file === 404 ? 'Not found' : file === 403 ? 'Forbidden' : 'Bad request');
    return;
  }
  const st = await fs.promises.stat(file);
  const type = contentType(file);
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(st.size),
    'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await pipeline(fs.createReadStream(file), res);
}
