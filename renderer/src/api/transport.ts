/**
 * What the RPC client needs from a channel to the engine: send a protocol message, hear messages and
 * hear that the channel dropped. Framing (WebSocket) or structured cloning (MessagePort) is the
 * transport's business; messages here are plain objects.
 */
import type { CancelMessage, RequestMessage } from '../../../shared/api';

/** A message channel to the engine. */
export interface Transport {
  /** Send one message; throws when the channel cannot take it (closed for good). */
  send(msg: RequestMessage | CancelMessage): void;
  /** Register the listener for every incoming message (responses and progress). */
  onMessage(cb: (msg: unknown) => void): void;
  /** Register the listener told each time the channel drops; calls in flight are lost then. */
  onClose(cb: (reason: string) => void): void;
  /** Stop for good (no reconnect). */
  close?(): void;
}
