/**
 * An in-memory Transport wired to a real EngineServer: messages are structured-cloned both ways (as on
 * an Electron MessagePort) and delivered asynchronously. `hold()` queues outgoing messages until
 * `flush()` hands them to the engine in one tick, which makes supersession deterministic.
 */
import type { CancelMessage, RequestMessage } from '../../../shared/api';
import type { EngineServer } from '../../../electron/engine/server';
import type { Transport } from '../../../renderer/src/api/transport';

export class LoopTransport implements Transport {
  /** Every message the client sent, in order. */
  readonly sent: (RequestMessage | CancelMessage)[] = [];
  private readonly messageCbs: ((m: unknown) => void)[] = [];
  private readonly closeCbs: ((r: string) => void)[] = [];
  private held: unknown[] | null = null;
  private down = false;

  constructor(private readonly engine: EngineServer) {}

  send(msg: RequestMessage | CancelMessage): void {
    if (this.down) throw new Error('transport down');
    this.sent.push(msg);
    const copy = structuredClone(msg);
    if (this.held) this.held.push(copy);
    else setImmediate(() => this.deliver(copy));
  }

  onMessage(cb: (m: unknown) => void): void {
    this.messageCbs.push(cb);
  }

  onClose(cb: (r: string) => void): void {
    this.closeCbs.push(cb);
  }

  /** Queue outgoing messages until `flush()`. */
  hold(): void {
    this.held = [];
  }

  /** Hand every queued message to the engine synchronously, in order. */
  flush(): void {
    const q = this.held ?? [];
    this.held = null;
    for (const m of q) this.deliver(m);
  }

  /** Simulate the channel dropping for good. */
  drop(reason: string): void {
    this.down = true;
    for (const cb of this.closeCbs) cb(reason);
  }

  private deliver(msg: unknown): void {
    if (this.down) return;
    this.engine.handle(msg, (resp) => {
      const copy = structuredClone(resp);
      setImmediate(() => {
        if (!this.down) for (const cb of this.messageCbs) cb(copy);
      });
    });
  }
}
