/**
 * Names and descriptions of generated models: a field template plus a place ("Chuyến xe nghĩa tình
 * phường An Phú", "Cầu nông thôn ấp Tân Lợi"), and a short Vietnamese description.
 */

import { periodSlash } from './calendar';
import { placeName } from './names';
import { type Rng } from './rng';
import { type SampleUnit } from './types';
import { NAME_TEMPLATES, PURPOSES } from './vocabulary';

/** Lower-case unit prefix used inside a sentence ("phường An Phú"). */
export function unitInSentence(unit: SampleUnit): string {
  const prefix = unit.type === 'phường' ? 'phường' : unit.type === 'xã' ? 'xã' : 'đặc khu';
  return `${prefix} ${unit.name}`;
}

/** A template index for `field`, favouring the first (best-known) templates. */
export function pickTemplate(rng: Rng, field: number): number {
  const templates = NAME_TEMPLATES[field] ?? [];
  return rng.weightedIndex(templates.map((_, i) => 1 / (i + 1.5)));
}

/** The model name: the field template and, usually, a place within the unit. */
export function modelName(rng: Rng, field: number, template: number, unit: SampleUnit): string {
  const base = NAME_TEMPLATES[field]?.[template] ?? 'Mô hình dân vận khéo';
  const r = rng.next();
  if (r < 0.45) return `${base} ${unitInSentence(unit)}`;
  if (r < 0.7) {
    if (unit.type === 'xã') return `${base} ấp ${placeName(rng)}`;
    if (unit.type === 'phường') return `${base} khu phố ${rng.int(1, 18)}`;
    return `${base} khu dân cư số ${rng.int(1, 6)}`;
  }
  if (r < 0.88) return `Mô hình “${base}” ${unitInSentence(unit)}`;
  return base;
}

function sponsorPhrase(sponsor: string, unit: SampleUnit): string {
  if (sponsor === 'UBND phường/xã') return `UBND ${unitInSentence(unit)}`;
  if (sponsor === 'Doanh nghiệp') return `các doanh nghiệp trên địa bàn ${unitInSentence(unit)}`;
  if (sponsor === 'Tổ chức tôn giáo') return `các cơ sở tôn giáo trên địa bàn ${unitInSentence(unit)}`;
  return `${sponsor} ${unitInSentence(unit)}`;
}

/** Facts a description is written from. */
export interface DescriptionFacts {
  field: number;
  sponsor: string;
  unit: SampleUnit;
  startMonth: number;
  lastMonth: number;
  status: string;
  replicatedFrom: { id: string; name: string } | null;
}

/** A two-to-four sentence description in Vietnamese. */
export function modelDescription(f: DescriptionFacts): string {
  const parts = [
    PURPOSES[f.field] ?? '',
    `Do ${sponsorPhrase(f.sponsor, f.unit)} chủ trì, triển khai từ tháng ${periodSlash(f.startMonth)}.`,
  ];
  if (f.replicatedFrom) parts.push(`Nhân rộng từ mô hình ${f.replicatedFrom.id} (${f.replicatedFrom.name}).`);
  if (f.status === 'Đã hoàn thành') parts.push(`Hoàn thành tháng ${periodSlash(f.lastMonth)}.`);
  if (f.status === 'Tạm dừng') parts.push(`Tạm dừng từ tháng ${periodSlash(f.lastMonth + 1)}.`);
  return parts.join(' ');
}
