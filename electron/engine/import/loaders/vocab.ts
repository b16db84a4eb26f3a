/** Map free-text vocabulary values (field, status, sponsor, recognition) to the canonical spelling. */
import { foldVi } from '../../../../shared/text';

const key = (s: string) =>
  foldVi(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A function returning the canonical value for a fold-equal match, else the cleaned input and a flag. */
export function canonicaliser(canon: readonly string[]): (s: string) => [string, string | null] {
  const byKey = new Map(canon.map((c) => [key(c), c]));
  return (s: string) => {
    const hit = byKey.get(key(s));
    return hit ? [hit, null] : [s.normalize('NFC').trim(), 'unknown'];
  };
}
