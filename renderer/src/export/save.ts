/**
 * Hand exported bytes to the user: a download (Blob + a temporary <a download>; the Electron shell
 * turns downloads into its save dialog), and the clipboard for chart images.
 */

/** Save bytes as a file download. */
export function saveBytes(name: string, bytes: Uint8Array | string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the object URL; release it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Why a clipboard write did not happen. */
export type ClipboardFailure = 'unsupported' | 'denied';

/**
 * Put a PNG on the clipboard. The page must be a secure context: the app (file://, app scheme) and the
 * harness on http://127.0.0.1 (loopback counts as secure) are; a browser may still refuse the
 * permission, which resolves to 'denied' rather than throwing.
 */
export async function copyPng(png: Uint8Array): Promise<ClipboardFailure | null> {
  if (!window.isSecureContext || !navigator.clipboard?.write || typeof ClipboardItem === 'undefined') {
    return 'unsupported';
  }
  try {
    await navigator.clipboard.write([
      new ClipboardItem({ 'image/png': new Blob([png as BlobPart], { type: 'image/png' }) }),
    ]);
    return null;
  } catch {
    return 'denied';
  }
}

/** A file name from a title: ASCII letters, digits and dashes, date-stamped. */
export function fileNameFor(title: string, ext: string, now = new Date()): string {
  const base =
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'dvk-atlas';
  return `${base}-${now.toISOString().slice(0, 10)}.${ext}`;
}
