/**
 * The harness transport: a WebSocket to `/api` carrying shared/wire frames, reconnecting with
 * exponential backoff after a drop. Each drop (or failed attempt) is reported through `onClose`, so
 * calls in flight fail promptly instead of hanging; messages sent while (re)connecting are queued and
 * go out once the socket opens, or fail with that attempt.
 */
import type { CancelMessage, RequestMessage } from '../../../shared/api';
import { decodeFrame, encodeFrame } from '../../../shared/wire';
import type { Transport } from './transport';

/** Events a socket reports to the transport. */
export interface SocketEvents {
  open(): void;
  /** A text frame (string) or a binary frame (ArrayBuffer or Uint8Array). */
  message(data: unknown): void;
  close(): void;
}

/** The minimal socket the transport drives. */
export interface SocketLike {
  send(frame: string | Uint8Array): void;
  close(): void;
}

/** Opens a socket to `url` reporting to `on` (the browser's WebSocket by default; `ws` in Node tests). */
export type SocketFactory = (url: string, on: SocketEvents) => SocketLike;

/** Options of the WebSocket transport. */
export interface WebSocketTransportOptions {
  factory?: SocketFactory;
  /** First reconnect delay (doubles per failed attempt). */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** The browser's WebSocket behind the SocketFactory shape. */
export const browserSocket: SocketFactory = (url, on) => {
  const s = new WebSocket(url);
  s.binaryType = 'arraybuffer';
  s.onopen = () => on.open();
  s.onmessage = (e: MessageEvent) => on.message(e.data);
  s.onclose = () => on.close();
  return {
    send: (t) => s.send(typeof t === 'string' ? t : (t as Uint8Array<ArrayBuffer>)),
    close: () => s.close(),
  };
};

/** `ws(s)://<host>/api`, passing on a `?token=` from the page URL when there is one. */
export function harnessSocketUrl(loc: { protocol: string; host: string; search: string }): string {
  const token = new URLSearchParams(loc.search).get('token');
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${loc.host}/api${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

function toFrame(data: unknown): string | Uint8Array | null {
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return null;
}

/** A reconnecting WebSocket Transport. */
export class WebSocketTransport implements Transport {
  private socket: SocketLike | null = null;
  private open = false;
  private stopped = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: (string | Uint8Array)[] = [];
  private readonly messageCbs: ((msg: unknown) => void)[] = [];
  private readonly closeCbs: ((reason: string) => void)[] = [];
  private readonly factory: SocketFactory;
  private readonly minDelay: number;
  private readonly maxDelay: number;

  constructor(
    private readonly url: string,
    opts: WebSocketTransportOptions = {},
  ) {
    this.factory = opts.factory ?? browserSocket;
    this.minDelay = opts.minDelayMs ?? 250;
    this.maxDelay = opts.maxDelayMs ?? 10_000;
    this.connect();
  }

  /** True while the socket is open. */
  get connected(): boolean {
    return this.open;
  }

  send(msg: RequestMessage | CancelMessage): void {
    if (this.stopped) throw new Error('connection closed');
    // Upload chunks travel as binary frames; everything else as JSON text.
    const frame = encodeFrame(msg);
    if (this.open && this.socket) this.socket.send(frame);
    else this.queue.push(frame);
  }

  onMessage(cb: (msg: unknown) => void): void {
    this.messageCbs.push(cb);
  }

  onClose(cb: (reason: string) => void): void {
    this.closeCbs.push(cb);
  }

  close(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
    this.socket?.close();
    this.socket = null;
  }

  private connect(): void {
    this.timer = null;
    let wasOpen = false;
    const socket = this.factory(this.url, {
      open: () => {
        if (this.socket !== socket) return;
        wasOpen = true;
        this.open = true;
        this.attempt = 0;
        const queued = this.queue;
        this.queue = [];
        for (const t of queued) socket.send(t);
      },
      message: (data) => {
        if (this.socket !== socket) return;
        const frame = toFrame(data);
        let msg: unknown;
        try {
          msg = frame === null ? null : decodeFrame(frame);
        } catch {
          msg = null;
        }
        if (msg !== null) for (const cb of this.messageCbs) cb(msg);
      },
      close: () => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.open = false;
        this.queue = [];
        for (const cb of this.closeCbs) cb(wasOpen ? 'connection lost' : 'cannot connect');
        if (!this.stopped) this.scheduleReconnect();
      },
    });
    this.socket = socket;
  }

  private scheduleReconnect(): void {
    const base = Math.min(this.maxDelay, this.minDelay * 2 ** this.attempt);
    this.attempt++;
    this.timer = setTimeout(() => this.connect(), base * (0.75 + Math.random() * 0.5));
  }
}
