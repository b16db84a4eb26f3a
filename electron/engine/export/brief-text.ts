/**
 * The words of an exported replication brief, in Vietnamese (default) or English: the engine writes the
 * file, so it carries its own small dictionary (as the pivot workbook does). Components and flags use the
 * UI's own words (shared/rank-words.ts, shared/flag-text.ts), flags filled from their parameters.
 */
import { FLAG_TEXT, fillFlagTemplate, flagTemplateKey } from '../../../shared/flag-text';
import type { FormatLocale } from '../../../shared/format';
import { formatNumber, formatValue } from '../../../shared/format';
import type { ModelFlag, RankComponent } from '../../../shared/rank-spec';
import { RANK_WORDS } from '../../../shared/rank-words';
import type { ShortlistStatus } from '../../../shared/shortlist';
import type { CatalogCache } from '../query/catalog-cache';

const WORDS = {
  vi: {
    title: 'Bản tóm tắt mô hình đề xuất nhân rộng',
    subtitle: (n: number, date: string) => `${n} mô hình trong danh sách chọn · lập ngày ${date}`,
    data: (from: string, to: string) => `Số liệu ${from} – ${to}`,
    sheets: {
      list: 'Danh sách',
      parts: 'Điểm thành phần',
      figures: 'Chỉ số chính',
      flags: 'Cờ kiểm tra',
      notes: 'Ghi chú',
    },
    cols: {
      no: 'STT',
      id: 'Mã mô hình',
      name: 'Tên mô hình',
      unit: 'Phường/Xã',
      field: 'Lĩnh vực',
      sponsor: 'Cơ quan chủ trì',
      modelStatus: 'Tình trạng',
      start: 'Ngày bắt đầu',
      status: 'Trạng thái đề xuất',
      owner: 'Người phụ trách',
      score: 'Điểm (0–100)',
      rank: 'Hạng',
      flags: 'Cờ kiểm tra',
      note: 'Ghi chú mới nhất',
      component: 'Thành phần',
      raw: 'Giá trị',
      pct: 'Phân vị trong nhóm (%)',
      weight: 'Trọng số',
      points: 'Điểm đóng góp',
      median: 'Trung vị nhóm',
      top10: 'Nhóm 10% tốt nhất',
      indicator: 'Chỉ tiêu',
      value: 'Giá trị',
      uom: 'Đơn vị tính',
      months: 'Số tháng báo cáo',
      flag: 'Cờ',
      explanation: 'Giải thích',
      author: 'Người ghi',
      created: 'Thời gian',
    },
    status: { candidate: 'Đề cử', approved: 'Đã duyệt nhân rộng', rejected: 'Không chọn' } as Record<
      ShortlistStatus,
      string
    >,
    keyIndicators: 'Chỉ số chính',
    trend: (name: string) => `Diễn biến theo tháng: ${name}`,
    location: 'Vị trí',
    scoreLine: (score: string, rank: string, n: string) => `Điểm ${score}/100 · hạng ${rank}/${n}`,
    notRanked: 'Chưa xếp hạng (không báo cáo thành phần nào)',
    noFlags: 'Không có cờ kiểm tra',
    illustrative: 'Dữ liệu minh họa',
  },
  en: {
    title: 'Replication brief: shortlisted models',
    subtitle: (n: number, date: string) => `${n} shortlisted models · prepared ${date}`,
    data: (from: string, to: string) => `Data ${from} – ${to}`,
    sheets: {
      list: 'Shortlist',
      parts: 'Score components',
      figures: 'Key figures',
      flags: 'Flags',
      notes: 'Notes',
    },
    cols: {
      no: 'No.',
      id: 'Model id',
      name: 'Model',
      unit: 'Ward/commune',
      field: 'Field',
      sponsor: 'Sponsor',
      modelStatus: 'Model status',
      start: 'Start date',
      status: 'Shortlist status',
      owner: 'Owner',
      score: 'Score (0–100)',
      rank: 'Rank',
      flags: 'Flags',
      note: 'Latest note',
      component: 'Component',
      raw: 'Value',
      pct: 'Peer percentile (%)',
      weight: 'Weight',
      points: 'Points',
      median: 'Peer median',
      top10: 'Peer top decile',
      indicator: 'Indicator',
      value: 'Value',
      uom: 'Unit',
      months: 'Months reported',
      flag: 'Flag',
      explanation: 'Explanation',
      author: 'Author',
      created: 'Created',
    },
    status: { candidate: 'Candidate', approved: 'Approved for replication', rejected: 'Rejected' } as Record<
      ShortlistStatus,
      string
    >,
    keyIndicators: 'Key indicators',
    trend: (name: string) => `Monthly trend: ${name}`,
    location: 'Location',
    scoreLine: (score: string, rank: string, n: string) => `Score ${score}/100 · rank ${rank} of ${n}`,
    notRanked: 'Not ranked (reports none of the components)',
    noFlags: 'No integrity flags',
    illustrative: 'Illustrative data',
  },
};

export type BriefWords = (typeof WORDS)['vi'];

/** The brief's words in `locale`. */
export function briefWords(locale: FormatLocale): BriefWords {
  return WORDS[locale];
}

/** An indicator's name in `locale`. */
export function indicatorLabel(code: string, catalog: CatalogCache, locale: FormatLocale): string {
  const d = catalog.indicator(code);
  return d ? (locale === 'en' && d.name_en ? d.name_en : d.name_vi) : code;
}

/** A ranking component's label. */
export function componentText(c: RankComponent, catalog: CatalogCache, locale: FormatLocale): string {
  const w = RANK_WORDS[locale];
  if (c.type !== 'indicator') return w.component[c.type];
  const per = c.per ?? 'none';
  const name = indicatorLabel(c.indicator, catalog, locale);
  return per === 'none' ? name : `${name} (${w.per[per]})`;
}

/** A flag's short label (shared with the UI: shared/flag-text.ts). */
export function flagLabel(f: Pick<ModelFlag, 'code'>, locale: FormatLocale): string {
  return FLAG_TEXT[locale][f.code].label;
}

/**
 * A flag explained in one sentence: the UI's template (shared/flag-text.ts) filled with the flag's
 * parameters formatted for `locale`.
 */
export function flagSentence(f: ModelFlag, catalog: CatalogCache, locale: FormatLocale): string {
  const p = f.params;
  const unit = f.indicator ? (catalog.indicator(f.indicator)?.unit ?? null) : null;
  const n = (k: string, maxFractionDigits?: number) =>
    typeof p[k] === 'number'
      ? formatNumber(p[k], { locale, ...(maxFractionDigits === undefined ? {} : { maxFractionDigits }) })
      : String(p[k] ?? '');
  const v = (k: string) => (typeof p[k] === 'number' ? formatValue(p[k], unit, locale) : '');
  const pct = (k: string) =>
    typeof p[k] === 'number' ? `${formatNumber(p[k] * 100, { locale, maxFractionDigits: 0 })}%` : '';
  const s = (k: string) => String(p[k] ?? '');
  const vars: Record<string, string> = {
    indicator: f.indicator ? indicatorLabel(f.indicator, catalog, locale) : '',
  };
  switch (f.code) {
    case 'identical_run':
      Object.assign(vars, { value: v('value'), months: n('months'), from: s('from'), to: s('to') });
      break;
    case 'spike':
      Object.assign(vars, { period: s('period'), value: v('value'), median: v('median'), z: n('z', 1) });
      break;
    case 'before_start':
      Object.assign(vars, { n: n('n'), start: s('start'), first: s('first') });
      break;
    case 'after_completion':
      Object.assign(vars, { status: s('status'), last: s('last') });
      break;
    case 'round_numbers':
      Object.assign(vars, { share: pct('share'), expected: pct('expected'), n: n('n') });
      break;
    case 'duplicate':
      Object.assign(vars, { other: s('other'), similarity: pct('similarity') });
      break;
    case 'reporting_gap':
      Object.assign(vars, { months: n('months'), after: s('after'), before: s('before') });
      break;
  }
  const words = FLAG_TEXT[locale][f.code];
  const template = flagTemplateKey(f.code, p) === 'textUntil' ? (words.textUntil ?? words.text) : words.text;
  return fillFlagTemplate(template, vars);
}
