/**
 * The typed AtlasApi over any Transport: request ids, one promise per id, progress callbacks,
 * cancellation through an AbortSignal (sends `{cancel: id}`), `view` keys forwarded so the engine can
 * supersede older requests of the same view, and error payloads turned back into AtlasError. When the
 * transport drops, every pending call is rejected with an INTERNAL error marked `disconnected`.
 */
import type {
  AtlasApi,
  CallOptions,
  Method,
  Params,
  Progress,
  RequestMessage,
  Results,
} from '../../../shared/api';
import { AtlasError, type ErrorPayload } from '../../../shared/errors';
import type { Transport } from './transport';

interface Pending {
  resolve(result: unknown): void;
  reject(err: AtlasError): void;
  onProgress: ((p: Progress) => void) | undefined;
  /** Detach the abort listener. */
  release(): void;
}

/** The error pending calls get when the engine connection drops. */
export function disconnectedError(reason: string): AtlasError {
  return new AtlasError('INTERNAL', `Engine disconnected: ${reason}`, { disconnected: true });
}

/** True for the error of a call lost to a dropped connection (retrying may succeed). */
export function isDisconnected(e: unknown): boolean {
  return e instanceof AtlasError && e.code === 'INTERNAL' && e.details?.disconnected === true;
}

const cancelledError = () => new AtlasError('CANCELLED', 'Cancelled');

function isErrorPayload(v: unknown): v is ErrorPayload {
  return !!v && typeof v === 'object' && typeof (v as ErrorPayload).code === 'string';
}

/** AtlasApi over a Transport. */
export class RpcClient implements AtlasApi {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly transport: Transport) {
    transport.onMessage((m) => this.receive(m));
    transport.onClose((reason) => this.failAll(reason));
  }

  /** Number of calls awaiting an answer. */
  get inFlight(): number {
    return this.pending.size;
  }

  call<M extends Method>(method: M, params: Params<M>, opts: CallOptions = {}): Promise<Results[M]> {
    const { signal, view, onProgress } = opts;
    if (signal?.aborted) return Promise.reject(cancelledError());
    const id = this.nextId++;
    return new Promise<Results[M]>((resolve, reject) => {
      const onAbort = () => {
        if (!this.take(id)) return;
        try {
          this.transport.send({ cancel: id });
        } catch {
          // The channel is gone: nothing runs any more either.
        }
        reject(cancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (r) => resolve(r as Results[M]),
        reject,
        onProgress,
        release: () => signal?.removeEventListener('abort', onAbort),
      });
      const msg: RequestMessage = view === undefined ? { id, method, params } : { id, method, params, view };
      try {
        this.transport.send(msg);
      } catch (e) {
        this.take(id)?.reject(disconnectedError(e instanceof Error ? e.message : String(e)));
      }
    });
  }

  /** Stop the transport for good; pending calls are rejected. */
  close(): void {
    this.transport.close?.();
    this.failAll('client closed');
  }

  private take(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    p.release();
    return p;
  }

  private receive(raw: unknown): void {
    if (!raw || typeof raw !== 'object') return;
    const m = raw as { id?: unknown; ok?: unknown; result?: unknown; error?: unknown; progress?: unknown };
    if (typeof m.id !== 'number') return;
    if (m.progress !== undefined && m.ok === undefined) {
      this.pending.get(m.id)?.onProgress?.(m.progress as Progress);
      return;
    }
    // A late answer to a cancelled call finds nothing pending and is dropped.
    if (m.ok === true) this.take(m.id)?.resolve(m.result);
    else if (m.ok === false) {
      const e = isErrorPayload(m.error)
        ? m.error
        : { code: 'INTERNAL' as const, message: 'Malformed error from the engine' };
      this.take(m.id)?.reject(new AtlasError(e.code, String(e.message), e.details));
    }
  }

  private failAll(reason: string): void {
    const ids = [...this.pending.keys()];
    for (const id of ids) this.take(id)?.reject(disconnectedError(reason));
  }
}
