/**
 * The words of the integrity flags, in Vietnamese and English, in one place: the renderer serves them as
 * the i18n keys `ranking.flag.<code>.*` and the engine's replication brief (which writes files without
 * i18next) fills the same templates with `fillFlagTemplate`. Templates use i18next's `{{param}}` syntax,
 * so both sides read identical sentences. Parameters come from `ModelFlag.params` (see
 * electron/engine/query/flags.ts), formatted by the caller.
 */
import type { FlagCode } from './rank-spec';

/** One flag's short label (badge, column) and its one-sentence explanation. */
export interface FlagWords {
  label: string;
  text: string;
  /** Variant of `text` used when the flag has an end (only the reporting gap: `{{before}}`). */
  textUntil?: string;
}

/** Every flag code's words, per language. */
export type FlagTexts = Record<FlagCode, FlagWords>;

/** Vietnamese (default). */
export const FLAG_TEXT_VI: FlagTexts = {
  identical_run: {
    label: 'Lặp số liệu',
    text: '{{indicator}}: cùng giá trị {{value}} trong {{months}} tháng liên tiếp ({{from}} – {{to}}).',
  },
  spike: {
    label: 'Đột biến',
    text: '{{indicator}} tháng {{period}}: {{value}}, gấp nhiều lần trung vị {{median}} của chính mô hình (z = {{z}}).',
  },
  before_start: {
    label: 'Trước ngày bắt đầu',
    text: '{{n}} giá trị được báo cáo trước ngày bắt đầu {{start}} (sớm nhất {{first}}).',
  },
  after_completion: {
    label: 'Sau khi kết thúc',
    text: 'Tình trạng “{{status}}” nhưng vẫn báo cáo đến tháng {{last}}.',
  },
  round_numbers: {
    label: 'Số tròn',
    text: '{{indicator}}: {{share}} giá trị là bội số của 10, trong khi thông thường chỉ {{expected}} ({{n}} giá trị).',
  },
  duplicate: {
    label: 'Có thể trùng',
    text: 'Tên gần như trùng với mô hình {{other}} cùng phường/xã (độ giống {{similarity}}).',
  },
  reporting_gap: {
    label: 'Gián đoạn báo cáo',
    text: '{{months}} tháng liên tiếp không báo cáo sau {{after}}.',
    textUntil: '{{months}} tháng liên tiếp không báo cáo, từ sau {{after}} đến {{before}}.',
  },
};

/** English. */
export const FLAG_TEXT_EN: FlagTexts = {
  identical_run: {
    label: 'Repeated values',
    text: '{{indicator}}: the same value {{value}} for {{months}} consecutive months ({{from}} – {{to}}).',
  },
  spike: {
    label: 'Spike',
    text: '{{indicator}} in {{period}}: {{value}}, many times the model’s own median of {{median}} (z = {{z}}).',
  },
  before_start: {
    label: 'Before start',
    text: '{{n}} values reported before the start date {{start}} (earliest {{first}}).',
  },
  after_completion: {
    label: 'After completion',
    text: 'Status “{{status}}” but still reporting in {{last}}.',
  },
  round_numbers: {
    label: 'Round numbers',
    text: '{{indicator}}: {{share}} of values are multiples of 10, against a usual {{expected}} ({{n}} values).',
  },
  duplicate: {
    label: 'Possible duplicate',
    text: 'Name nearly identical to model {{other}} in the same unit (similarity {{similarity}}).',
  },
  reporting_gap: {
    label: 'Reporting gap',
    text: '{{months}} consecutive months without a report after {{after}}.',
    textUntil: '{{months}} consecutive months without a report, between {{after}} and {{before}}.',
  },
};

/** The flag words of a language. */
export const FLAG_TEXT: Record<'vi' | 'en', FlagTexts> = { vi: FLAG_TEXT_VI, en: FLAG_TEXT_EN };

/** Which template explains a flag: the reporting gap with an end uses `textUntil`. */
export function flagTemplateKey(code: FlagCode, params: Record<string, unknown>): 'text' | 'textUntil' {
  return code === 'reporting_gap' && params.before ? 'textUntil' : 'text';
}

/** Replace `{{name}}` (i18next syntax, spaces allowed) by `vars[name]`; unknown names become ''. */
export function fillFlagTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, k: string) => vars[k] ?? '');
}
