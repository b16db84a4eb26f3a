/**
 * The Electron transport: the engine MessagePort handed over by the preload. Messages are structured
 * clones (no framing). Electron fires `close` on the port when the engine process goes away.
 */
import type { Transport } from './transport';

/** A Transport over a MessagePort. */
export function portTransport(port: MessagePort): Transport {
  let closed = false;
  return {
    send(msg) {
      if (closed) throw new Error('engine port closed');
      port.postMessage(msg);
    },
    onMessage(cb) {
      port.addEventListener('message', (e: MessageEvent) => cb(e.data));
      port.start();
    },
    onClose(cb) {
      port.addEventListener('close', () => {
        closed = true;
        cb('engine port closed');
      });
    },
    close() {
      closed = true;
      port.close();
    },
  };
}
