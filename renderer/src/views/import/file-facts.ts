/** Small display facts of a file: its size in a readable unit and its delimiter's name key. */

/** A size as value + unit key (`import.file.size.<unit>`), null when unknown. */
export function fileSize(
  bytes: number | null,
): { value: number; unit: 'b' | 'kb' | 'mb' | 'gb'; digits: number } | null {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return null;
  if (bytes < 1024) return { value: bytes, unit: 'b', digits: 0 };
  if (bytes < 1024 ** 2) return { value: bytes / 1024, unit: 'kb', digits: bytes < 10 * 1024 ? 1 : 0 };
  if (bytes < 1024 ** 3) return { value: bytes / 1024 ** 2, unit: 'mb', digits: 1 };
  return { value: bytes / 1024 ** 3, unit: 'gb', digits: 2 };
}

/** The key naming a delimiter (`import.delimiters.<key>`). */
export function delimiterKey(d: string): 'comma' | 'semicolon' | 'tab' | 'pipe' | 'other' {
  switch (d) {
    case ',':
      return 'comma';
    case ';':
      return 'semicolon';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return 'other';
  }
}
