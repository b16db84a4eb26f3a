/**
 * The web harness (`dvk serve`): the built renderer over HTTP and the AtlasApi over a WebSocket at
 * `/api`, on 127.0.0.1 only, guarded by a random per-run token. The first page load presents the token
 * as `?token=` and receives it back as an HttpOnly, SameSite=Strict cookie; every later request (assets,
 * the WebSocket upgrade) presents the cookie. The Host header must name the loopback address (defeats
 * DNS rebinding) and a WebSocket's Origin, when sent, must be the server's own.
 */
import fs from 'node:fs';
import { STATUS_CODES, createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { bridgeSocket, type MessageHandler } from './bridge';
import { sendText, serveStatic } from './static';
import { checkToken, makeToken, tokenCookie } from './token';

/** Options of `startHarness`. */
export interface HarnessOptions {
  /** The engine dispatcher (an EngineServer). */
  server: MessageHandler;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Only the IPv4 loopback address is accepted. */
  host?: '127.0.0.1';
}

/** A running harness. */
export interface Harness {
  /** The page URL including `?token=`. */
  url: string;
  port: number;
  token: string;
  /** The bound socket address (always 127.0.0.1). */
  address: AddressInfo;
  /** Close every socket, then the server. Safe to call twice. */
  close(): Promise<void>;
}

/** Largest accepted WebSocket message. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
const HOST = '127.0.0.1';

function splitTarget(url: string | undefined): { path: string; query: URLSearchParams } {
  const target = url ?? '/';
  const q = target.indexOf('?');
  return q < 0
    ? { path: target, query: new URLSearchParams() }
    : { path: target.slice(0, q), query: new URLSearchParams(target.slice(q + 1)) };
}

/** Answer a refused upgrade with a plain HTTP status and drop the socket. */
function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  const body = text + '\n';
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Start the harness; resolves once it listens. */
export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const host: string = opts.host ?? HOST;
  if (host !== HOST) throw new Error(`The harness listens on ${HOST} only (got ${host})`);
  const root = fs.realpathSync(opts.staticDir);
  if (!fs.statSync(root).isDirectory()) throw new Error(`Not a folder: ${opts.staticDir}`);
  const token = makeToken();
  let port = 0;
  const hostOk = (req: IncomingMessage) => {
    const h = (req.headers.host ?? '').toLowerCase();
    return h === `${HOST}:${port}` || h === `localhost:${port}`;
  };

  const http = createServer((req, res) => {
    const { path, query } = splitTarget(req.url);
    if (!hostOk(req)) return sendText(res, 403, 'Forbidden: unexpected Host header');
    const auth = checkToken(req, query, token);
    if (auth !== 'query' && auth !== 'cookie') {
      return sendText(
        res,
        403,
        'Forbidden: open the URL printed by `dvk serve` (it carries the access token)',
      );
    }
    if (auth === 'query') res.setHeader('Set-Cookie', tokenCookie(token));
    serveStatic(req, res, root, path).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const { path, query } = splitTarget(req.url);
    if (path !== '/api') return refuseUpgrade(socket, 404, 'Not found');
    if (!hostOk(req)) return refuseUpgrade(socket, 403, 'Forbidden: unexpected Host header');
    const origin = req.headers.origin;
    if (origin !== undefined && origin.toLowerCase() !== `http://${(req.headers.host ?? '').toLowerCase()}`) {
      return refuseUpgrade(socket, 403, 'Forbidden: cross-origin WebSocket');
    }
    const auth = checkToken(req, query, token);
    if (auth === 'missing') return refuseUpgrade(socket, 401, 'Unauthorized: no token');
    if (auth === 'wrong') return refuseUpgrade(socket, 403, 'Forbidden: wrong token');
    wss.handleUpgrade(req, socket, head, (ws) => bridgeSocket(ws, opts.server));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen({ port: opts.port ?? 0, host: HOST, exclusive: true }, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address() as AddressInfo;
  port = address.port;

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    })();
    return closing;
  };
  return { url: `http://${HOST}:${port}/?token=${token}`, port, token, address, close };
}
