/**
 * One WebSocket ↔ the engine. Frames are decoded with shared/wire (text = JSON, binary = header + Arrow
 * bytes) and answered with `encodeFrame`. Request ids and view keys are per socket: they are mapped to
 * engine-wide ids and socket-scoped view keys, so two tabs never cancel or supersede each other's work.
 * When the socket closes, its in-flight requests are cancelled.
 */
import type { RawData, WebSocket } from 'ws';
import { IncomingSchema, type ResponseMessage } from '../../shared/api';
import { decodeFrame, encodeFrame } from '../../shared/wire';

/** The part of EngineServer the bridge uses. */
export interface MessageHandler {
  handle(raw: unknown, send: (msg: ResponseMessage) => void): void;
}

let nextEngineId = 1;
let nextSocket = 1;

/** Turn what `ws` delivers into what `decodeFrame` takes. */
function frameOf(data: RawData, isBinary: boolean): string | Uint8Array {
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return isBinary ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : buf.toString('utf8');
}

/** Wire a connected socket to the engine. */
export function bridgeSocket(socket: WebSocket, engine: MessageHandler): void {
  const tag = `ws${nextSocket++}`;
  /** client id → engine id of requests not yet answered. */
  const inflight = new Map<number, number>();

  const reply = (msg: ResponseMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(encodeFrame(msg));
  };

  socket.on('message', (data, isBinary) => {
    let raw: unknown;
    try {
      raw = decodeFrame(frameOf(data, isBinary));
    } catch (e) {
      reply({
        id: -1,
        ok: false,
        error: { code: 'REQUEST_INVALID', message: `Malformed frame: ${(e as Error).message}` },
      });
      return;
    }
    const parsed = IncomingSchema.safeParse(raw);
    // The engine answers malformed messages itself (with the id when there is one).
    if (!parsed.success) return engine.handle(raw, reply);
    const msg = parsed.data;
    if ('cancel' in msg) {
      const engineId = inflight.get(msg.cancel);
      if (engineId !== undefined) engine.handle({ cancel: engineId }, () => undefined);
      return;
    }
    const clientId = msg.id;
    if (inflight.has(clientId)) {
      reply({
        id: clientId,
        ok: false,
        error: { code: 'REQUEST_INVALID', message: `Request id ${clientId} is already in flight` },
      });
      return;
    }
    const engineId = nextEngineId++;
    inflight.set(clientId, engineId);
    const forwarded = {
      id: engineId,
      method: msg.method,
      params: msg.params,
      ...(msg.view !== undefined ? { view: `${tag}/${msg.view}` } : {}),
    };
    engine.handle(forwarded, (resp) => {
      if ('ok' in resp && inflight.get(clientId) === engineId) inflight.delete(clientId);
      reply({ ...resp, id: clientId });
    });
  });

  socket.on('close', () => {
    for (const engineId of inflight.values()) engine.handle({ cancel: engineId }, () => undefined);
    inflight.clear();
  });
  socket.on('error', () => socket.terminate());
}
