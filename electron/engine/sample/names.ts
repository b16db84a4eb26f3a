/**
 * Generated Vietnamese place names for the fictional city: unit names ("An Phú", "Tân Thạnh Đông"),
 * hamlet (ấp) names and the island special zone. Built from syllables common in southern place names.
 */

import { type Rng } from './rng';

const FIRST: readonly string[] = (
  'An Bình Tân Phú Long Phước Thạnh Hòa Hiệp Vĩnh Mỹ Thới Trung Xuân Nhơn Hưng Thuận Khánh Lộc ' +
  'Thành Hội Định Gia Kim Ngọc Đức Nghĩa Minh Quang Trường Thịnh Bửu Châu Cát Hữu Lạc Tường Phong'
).split(' ');

const SECOND: readonly string[] = (
  'An Bình Phú Long Lợi Hòa Thạnh Hiệp Hưng Định Thới Quới Điền Sơn Hải Lộc Thuận Khánh Mỹ Tây Đông ' +
  'Nhựt Xuân Thọ Phước Trung Hội Giang Thủy Lạc Hạnh Tiến Thắng Nghĩa Đức Khương Vinh Hậu'
).split(' ');

const SUFFIX = ['Đông', 'Tây', 'Nam', 'Bắc', 'Thượng', 'Hạ', 'Trung'] as const;

const ISLANDS = ['Hòn Ngọc', 'Cù Lao Xanh', 'Hòn Thơm', 'Cù Lao Mây'] as const;

/** One candidate name: two syllables mostly, sometimes three (with a direction or another syllable). */
export function placeName(rng: Rng): string {
  const a = rng.pick(FIRST);
  let b = rng.pick(SECOND);
  while (b === a) b = rng.pick(SECOND);
  const r = rng.next();
  if (r < 0.76) return `${a} ${b}`;
  if (r < 0.95) {
    const s = rng.pick(SUFFIX);
    return s === b ? `${a} ${b}` : `${a} ${b} ${s}`;
  }
  let c = rng.pick(SECOND);
  while (c === a || c === b) c = rng.pick(SECOND);
  return `${a} ${b} ${c}`;
}

/** `count` distinct place names, none in `taken` (which is updated). */
export function uniquePlaceNames(rng: Rng, count: number, taken: Set<string> = new Set()): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const n = placeName(rng);
    if (taken.has(n)) continue;
    taken.add(n);
    out.push(n);
  }
  return out;
}

/** Name of the island special zone (đặc khu). */
export function islandName(rng: Rng): string {
  return rng.pick(ISLANDS);
}
