/**
 * Framing of protocol messages on byte transports (WebSocket). A message carrying bytes — a response's
 * Arrow table (`result.arrow`), an exported file (`result.bytes`) or an upload request's chunk (`params.bytes`) — travels as one binary
 * frame: 4-byte little-endian header length, the JSON header with the bytes removed (and `$bin` naming
 * where they go), then the raw bytes. Tables are never inflated into JSON. Everything else travels as a
 * JSON text frame. The Electron MessagePort needs none of this (it structured-clones).
 */

const enc = new TextEncoder();
const dec = new TextDecoder();

type BinSlot = 'result.arrow' | 'result.bytes' | 'params.bytes';

function findBytes(msg: unknown): { slot: BinSlot; bytes: Uint8Array } | null {
  const m = msg as {
    ok?: boolean;
    result?: { arrow?: unknown; bytes?: unknown };
    params?: { bytes?: unknown };
  };
  if (m?.ok === true && m.result?.arrow instanceof Uint8Array)
    return { slot: 'result.arrow', bytes: m.result.arrow };
  // A file the engine produced (export.pivot) travels the same way.
  if (m?.ok === true && m.result?.bytes instanceof Uint8Array)
    return { slot: 'result.bytes', bytes: m.result.bytes };
  if (m?.params?.bytes instanceof Uint8Array) return { slot: 'params.bytes', bytes: m.params.bytes };
  return null;
}

/** Encode a request or response for a WebSocket. */
export function encodeFrame(msg: unknown): string | Uint8Array {
  const found = findBytes(msg);
  if (!found) return JSON.stringify(msg);
  const m = msg as Record<string, Record<string, unknown>>;
  const headerObj =
    found.slot === 'result.arrow'
      ? { ...m, result: { ...m.result, arrow: null }, $bin: found.slot }
      : found.slot === 'result.bytes'
        ? { ...m, result: { ...m.result, bytes: null }, $bin: found.slot }
        : { ...m, params: { ...m.params, bytes: null }, $bin: found.slot };
  const header = enc.encode(JSON.stringify(headerObj));
  const out = new Uint8Array(4 + header.length + found.bytes.length);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  out.set(found.bytes, 4 + header.length);
  return out;
}

/** Decode a frame produced by `encodeFrame`. Throws on a malformed binary frame. */
export function decodeFrame(frame: string | Uint8Array): unknown {
  if (typeof frame === 'string') return JSON.parse(frame);
  if (frame.length < 4) throw new Error('short frame');
  const len = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0, true);
  if (4 + len > frame.length) throw new Error('bad frame header length');
  const header = JSON.parse(dec.decode(frame.subarray(4, 4 + len))) as {
    $bin?: BinSlot;
    result?: Record<string, unknown>;
    params?: Record<string, unknown>;
  };
  const bytes = frame.slice(4 + len);
  const slot = header.$bin ?? 'result.arrow';
  delete header.$bin;
  if (slot === 'params.bytes') {
    if (!header.params || typeof header.params !== 'object') throw new Error('binary frame without params');
    header.params.bytes = bytes;
  } else if (slot === 'result.bytes') {
    if (!header.result || typeof header.result !== 'object') throw new Error('binary frame without result');
    header.result.bytes = bytes;
  } else if (header.result && typeof header.result === 'object') {
    header.result.arrow = bytes;
  }
  return header;
}
