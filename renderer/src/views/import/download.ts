/** Save text the page made as a file, through a Blob link (no network, no path). */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.className = 'visually-hidden';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the object URL; release it a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
