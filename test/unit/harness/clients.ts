/** HTTP and WebSocket clients for the harness tests (raw paths: no URL normalisation on the way). */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { decodeFrame } from '../../../shared/wire';

/** One HTTP answer. */
export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Send a request with a raw, unnormalised path. */
export function request(
  port: number,
  rawPath: string,
  opts: { headers?: Record<string, string>; method?: string; host?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: opts.host ?? '127.0.0.1',
        port,
        path: rawPath,
        method: opts.method ?? 'GET',
        headers: opts.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A WebSocket client that queues decoded messages. */
export class WsClient {
  private readonly queue: unknown[] = [];
  private readonly waiters: ((m: unknown) => void)[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const msg = decodeFrame(isBinary ? new Uint8Array(data) : data.toString('utf8'));
      const w = this.waiters.shift();
      if (w) w(msg);
      else this.queue.push(msg);
    });
  }

  /** Send a protocol message as a JSON text frame. */
  send(msg: unknown): void {
    this.socket.send(JSON.stringify(msg));
  }

  /** The next message (rejects after `ms`). */
  next(ms = 10_000): Promise<Record<string, unknown>> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued as Record<string, unknown>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message')), ms);
      this.waiters.push((m) => {
        clearTimeout(timer);
        resolve(m as Record<string, unknown>);
      });
    });
  }

  /** The final answer (`ok` present) for a request id, skipping progress. */
  async answer(id: number): Promise<Record<string, unknown>> {
    for (;;) {
      const m = await this.next();
      if (m.id === id && 'ok' in m) return m;
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

/** Open a WebSocket; rejects with `HTTP <status>` when the upgrade is refused. */
export function openWs(url: string, headers: Record<string, string> = {}): Promise<WsClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(new WsClient(socket)));
    socket.once('unexpected-response', (_req, res) => {
      reject(new Error(`HTTP ${res.statusCode ?? 0}`));
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** A folder with a tiny built "renderer", and a secret file next to it that must never be served. */
export function writeStaticSite(dir: string): { root: string; secret: string } {
  const root = path.join(dir, 'site');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><title>DVK Atlas</title><script type="module" src="./assets/app.js"></script>',
  );
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1);');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(root, 'assets', 'data.json'), '{}');
  fs.writeFileSync(path.join(root, 'assets', 'app.js.map'), '{}');
  const secret = path.join(dir, 'secret.txt');
  fs.writeFileSync(secret, 'TOP-SECRET');
  fs.symlinkSync(secret, path.join(root, 'assets', 'link.txt'));
  return { root, secret };
}
