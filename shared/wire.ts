/**
 * Framing of protocol messages on byte transports (WebSocket). A message whose result carries Arrow
 * bytes travels as one binary frame — 4-byte little-endian header length, the JSON header with the
 * bytes removed, then the raw Arrow bytes — so tables are never inflated into JSON. Everything else
 * travels as a JSON text frame. The Electron MessagePort needs none of this (it structured-clones).
 */

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Encode a response (or request) for a WebSocket. */
export function encodeFrame(msg: unknown): string | Uint8Array {
  const m = msg as { ok?: boolean; result?: { arrow?: unknown } };
  const bytes = m?.ok === true && m.result?.arrow instanceof Uint8Array ? m.result.arrow : null;
  if (!bytes) return JSON.stringify(msg);
  const header = enc.encode(JSON.stringify({ ...m, result: { ...m.result, arrow: null } }));
  const out = new Uint8Array(4 + header.length + bytes.length);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  out.set(bytes, 4 + header.length);
  return out;
}

/** Decode a frame produced by `encodeFrame`. Throws on a malformed binary frame. */
export function decodeFrame(frame: string | Uint8Array): unknown {
  if (typeof frame === 'string') return JSON.parse(frame);
  if (frame.length < 4) throw new Error('short frame');
  const len = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0, true);
  if (4 + len > frame.length) throw new Error('bad frame header length');
  const header = JSON.parse(dec.decode(frame.subarray(4, 4 + len))) as { result?: Record<string, unknown> };
  if (header.result) header.result.arrow = frame.slice(4 + len);
  return header;
}
