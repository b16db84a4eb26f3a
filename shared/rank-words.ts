/**
 * The words of the ranking's components and of how an indicator is expressed ("per 10,000 residents"), in
 * Vietnamese and English, in one place: the renderer serves them as `ranking.component.*` / `ranking.per.*`
 * and the engine's replication brief writes the same labels into its files (see shared/flag-text.ts for the
 * flags' words).
 */
import type { ExtraComponent, RankPer } from './rank-spec';

/** The component and basis labels of one language. */
export interface RankWords {
  per: Record<RankPer, string>;
  component: Record<ExtraComponent, string>;
}

/** Vietnamese (default). */
export const RANK_WORDS_VI: RankWords = {
  per: {
    none: 'tổng',
    per_month: 'mỗi tháng',
    per10k: 'trên 10.000 dân',
    per_million_vnd: 'trên 1 triệu đồng vận động',
  },
  component: {
    months_active: 'Số tháng hoạt động',
    reporting_share: 'Tỷ lệ tháng có báo cáo',
    trend: 'Xu hướng (độ dốc)',
    reach: 'Người hưởng lợi trên mỗi người dân',
    efficiency: 'Người hưởng lợi trên 1 triệu đồng',
  },
};

/** English. */
export const RANK_WORDS_EN: RankWords = {
  per: {
    none: 'total',
    per_month: 'per month',
    per10k: 'per 10,000 residents',
    per_million_vnd: 'per million VND mobilised',
  },
  component: {
    months_active: 'Months active',
    reporting_share: 'Share of months reported',
    trend: 'Trend (slope)',
    reach: 'Beneficiaries per resident',
    efficiency: 'Beneficiaries per million VND',
  },
};

/** The ranking words of a language. */
export const RANK_WORDS: Record<'vi' | 'en', RankWords> = { vi: RANK_WORDS_VI, en: RANK_WORDS_EN };
