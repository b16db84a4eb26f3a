/**
 * Column header → target field, from the header names seen in real exports (DATA.md) plus the English
 * field names. Matching is case-, diacritics- and spacing-insensitive and exact-first, so "Đơn vị tính"
 * (uom) never falls to "Đơn vị" (unit_name).
 */
import type { ImportKind, TargetField } from '../import-types';
import { headerKey, headerKeyWithoutParens, headerParts } from './normalise';

/** A header recognised as a target field; confidence 1 = exact synonym, lower = looser reading. */
export interface FieldMatch {
  target: TargetField;
  confidence: number;
}

interface Synonym {
  target: TargetField;
  /** Header keys as `headerKey` writes them (folded, "/" without spaces). */
  keys: readonly string[];
  /** Below 1 for short or generic words ("Mã", "Tên"). */
  confidence?: number;
  /** Also match headers that start with the key followed by more words ("Tên mô hình DVK"). */
  prefix?: boolean;
}

const ROW_NUMBER: Synonym = {
  target: 'row_number',
  keys: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu', 'no', '#', 'row'],
};

const PROVINCE: Synonym = {
  target: 'province',
  keys: [
    'tinh/thanh pho',
    'tinh/tp',
    'tinh',
    'thanh pho',
    'tinh thanh',
    'ten tinh',
    'ten tinh/thanh pho',
    'province',
    'province name',
  ],
};

/** Synonyms for models and indicator-value sheets (and for headers read without a kind). */
const COMMON: readonly Synonym[] = [
  {
    target: 'model_id',
    keys: ['ma mo hinh', 'ma mh', 'id', 'model id', 'ma so mo hinh', 'model code'],
    prefix: true,
  },
  { target: 'model_id', keys: ['ma', 'ma so'], confidence: 0.7 },
  { target: 'name', keys: ['ten mo hinh', 'name', 'model name', 'ten mo hinh dan van kheo'], prefix: true },
  { target: 'name', keys: ['ten'], confidence: 0.7 },
  {
    target: 'unit_code',
    keys: [
      'ma dvhc',
      'ma phuong/xa',
      'ma xa/phuong',
      'ma don vi',
      'ma don vi hanh chinh',
      'ma xa',
      'ma phuong',
      'ma dia ban',
      'unit code',
    ],
  },
  {
    target: 'unit_name',
    keys: [
      'phuong/xa',
      'xa/phuong',
      'phuong/xa/dac khu',
      'xa/phuong/dac khu',
      'don vi',
      'dia ban',
      'ten don vi',
      'ten phuong/xa',
      'ten xa/phuong',
      'ten dvhc',
      'don vi hanh chinh',
      'unit name',
      'unit',
    ],
  },
  PROVINCE,
  { target: 'field', keys: ['linh vuc', 'linh vuc hoat dong', 'field'] },
  {
    target: 'sponsor',
    keys: [
      'co quan chu tri',
      'don vi thuc hien',
      'don vi chu tri',
      'co quan thuc hien',
      'don vi phu trach',
      'sponsor',
    ],
    prefix: true,
  },
  {
    target: 'start_date',
    keys: ['ngay bat dau', 'thoi gian trien khai', 'ngay trien khai', 'thoi gian bat dau', 'start date'],
    prefix: true,
  },
  { target: 'status', keys: ['tinh trang', 'trang thai', 'status'] },
  { target: 'recognition', keys: ['cap cong nhan', 'recognition'], prefix: true },
  { target: 'lat', keys: ['vi do', 'lat', 'latitude'] },
  { target: 'lon', keys: ['kinh do', 'lon', 'lng', 'longitude', 'long'] },
  {
    target: 'replicated_from',
    keys: ['nhan rong tu mo hinh', 'nhan rong tu', 'replicated from'],
    prefix: true,
  },
  { target: 'description', keys: ['mo ta', 'noi dung', 'mo ta mo hinh', 'noi dung mo hinh', 'description'] },
  {
    target: 'period',
    keys: [
      'ky bao cao',
      'ky',
      'thang',
      'thoi gian',
      'thang/nam',
      'quy',
      'nam',
      'period',
      'reporting period',
      'month',
    ],
  },
  {
    target: 'indicator',
    keys: [
      'chi tieu',
      'ten chi tieu',
      'ma chi tieu',
      'noi dung chi tieu',
      'indicator',
      'indicator code',
      'indicator name',
    ],
  },
  { target: 'value', keys: ['gia tri', 'ket qua', 'so luong', 'so lieu', 'ket qua thuc hien', 'value'] },
  { target: 'uom', keys: ['don vi tinh', 'dvt', 'uom', 'unit of measure'] },
  // Unit attributes, unambiguous even outside a units sheet (the bare "Loại"/"Cấp" are not).
  { target: 'type', keys: ['loai don vi', 'loai dvhc', 'cap hanh chinh', 'type', 'unit type'] },
  { target: 'population', keys: ['dan so', 'so dan', 'tong dan so', 'population'], prefix: true },
  {
    target: 'area_km2',
    keys: ['dien tich', 'dien tich tu nhien', 'dien tich km2', 'area km2', 'area'],
    prefix: true,
  },
  ROW_NUMBER,
];

/**
 * Synonyms inside a units sheet, where the bare "Mã"/"code" is the unit code and "Tên"/"name" the unit
 * name. Both `name` ("Sài Gòn") and `full_name` ("Phường Sài Gòn") map to unit_name; full_name is the
 * stronger reading, so when a sheet has both (units_hcmc_cantho_2025.csv) full_name is kept: it is how
 * model exports write the unit and it tells "Phường Phú Lợi" from "Xã Phú Lợi".
 */
const UNITS: readonly Synonym[] = [
  {
    target: 'unit_code',
    keys: [
      'ma',
      'ma dvhc',
      'ma don vi',
      'ma don vi hanh chinh',
      'ma phuong/xa',
      'ma xa/phuong',
      'ma xa',
      'ma so',
      'code',
      'unit code',
    ],
  },
  {
    target: 'unit_name',
    keys: [
      'full name',
      'ten day du',
      'ten don vi',
      'ten dvhc',
      'ten don vi hanh chinh',
      'phuong/xa',
      'xa/phuong',
      'phuong/xa/dac khu',
      'don vi',
      'don vi hanh chinh',
      'unit name',
    ],
  },
  { target: 'unit_name', keys: ['ten', 'name', 'ten goi'], confidence: 0.9 },
  {
    target: 'type',
    keys: ['loai', 'loai don vi', 'loai dvhc', 'cap', 'cap hanh chinh', 'phan loai', 'type', 'unit type'],
  },
  { target: 'population', keys: ['dan so', 'so dan', 'tong dan so', 'population'], prefix: true },
  {
    target: 'area_km2',
    keys: ['dien tich', 'dien tich tu nhien', 'dien tich km2', 'area km2', 'area'],
    prefix: true,
  },
  PROVINCE,
  ROW_NUMBER,
];

interface Entry {
  target: TargetField;
  confidence: number;
  prefix: boolean;
}

function index(list: readonly Synonym[]): ReadonlyMap<string, Entry> {
  const map = new Map<string, Entry>();
  for (const s of list) {
    for (const k of s.keys) {
      if (!map.has(k))
        map.set(k, { target: s.target, confidence: s.confidence ?? 1, prefix: s.prefix ?? false });
    }
  }
  return map;
}

const COMMON_INDEX = index(COMMON);
const UNITS_INDEX = index(UNITS);

function exact(key: string, idx: ReadonlyMap<string, Entry>, allowed: ReadonlySet<TargetField> | null) {
  const e = key ? idx.get(key) : undefined;
  return e && (!allowed || allowed.has(e.target)) ? e : undefined;
}

function longestPrefix(
  key: string,
  idx: ReadonlyMap<string, Entry>,
  allowed: ReadonlySet<TargetField> | null,
) {
  let best: { len: number; e: Entry } | undefined;
  for (const [k, e] of idx) {
    if (!e.prefix || (allowed && !allowed.has(e.target))) continue;
    if (key.startsWith(k + ' ') && (!best || k.length > best.len)) best = { len: k.length, e };
  }
  return best?.e;
}

/**
 * Reads a header as a target field.
 *
 * Order (first hit wins): the whole header exactly (so "Phường / Xã" stays one name), the lower name of
 * a two-row "Group / Name" header, the same two without parenthesised parts (×0.95: "Diện tích (km²)"),
 * a header starting with a multi-word synonym (×0.8: "Ngày bắt đầu triển khai"), and the group name when
 * the lower row is only a column number (×0.8). With `kind`, only targets that kind allows are returned
 * and a units sheet reads "Mã"/"Tên"/"code"/"name" as unit code and unit name.
 */
export function matchField(
  header: string,
  kind?: ImportKind,
  allowed?: ReadonlySet<TargetField> | null,
): FieldMatch | null {
  const idx = kind === 'units' ? UNITS_INDEX : COMMON_INDEX;
  const allow = allowed ?? null;
  const parts = headerParts(header);
  const hit = (e: Entry | undefined, factor: number): FieldMatch | null =>
    e ? { target: e.target, confidence: round(e.confidence * factor) } : null;

  const full = headerKey(header);
  const lower = parts ? headerKey(parts.lower) : '';
  const attempts: [() => Entry | undefined, number][] = [
    [() => exact(full, idx, allow), 1],
    [() => exact(lower, idx, allow), 1],
    [() => exact(headerKeyWithoutParens(header), idx, allow), 0.95],
    [() => (parts ? exact(headerKeyWithoutParens(parts.lower), idx, allow) : undefined), 0.95],
    [
      () =>
        longestPrefix(
          parts ? headerKeyWithoutParens(parts.lower) : headerKeyWithoutParens(header),
          idx,
          allow,
        ),
      0.8,
    ],
    [
      () =>
        parts && !/\p{L}/u.test(parts.lower)
          ? exact(headerKeyWithoutParens(parts.group), idx, allow)
          : undefined,
      0.8,
    ],
  ];
  for (const [attempt, factor] of attempts) {
    const m = hit(attempt(), factor);
    if (m) return m;
  }
  return null;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Roles of the columns of an old → new unit crosswalk (see /work/shared/geo/old_to_new_hcmc_cantho.csv). */
export type CrosswalkRole =
  | 'new_code'
  | 'new_name'
  | 'new_province_code'
  | 'old_level'
  | 'old_code'
  | 'old_name'
  | 'old_district_code'
  | 'old_district_name'
  | 'old_province_code'
  | 'old_province_name'
  | 'relation';

const CROSSWALK: Record<CrosswalkRole, readonly string[]> = {
  new_code: ['new code', 'ma moi', 'ma dvhc moi', 'ma xa moi', 'ma phuong/xa moi', 'ma don vi moi'],
  new_name: [
    'new full name',
    'new name',
    'ten moi',
    'ten don vi moi',
    'ten dvhc moi',
    'don vi moi',
    'phuong/xa moi',
  ],
  new_province_code: ['new province code', 'ma tinh moi'],
  old_level: ['old level', 'cap cu'],
  old_code: ['old code', 'ma cu', 'ma dvhc cu', 'ma xa cu', 'ma phuong/xa cu', 'ma don vi cu'],
  old_name: [
    'old full name',
    'old name',
    'ten cu',
    'ten don vi cu',
    'ten dvhc cu',
    'don vi cu',
    'phuong/xa cu',
  ],
  old_district_code: ['old district code', 'ma quan/huyen', 'ma quan/huyen cu', 'ma huyen cu'],
  old_district_name: ['old district name', 'quan/huyen', 'quan/huyen cu', 'ten quan/huyen', 'huyen cu'],
  old_province_code: ['old province code', 'ma tinh cu'],
  old_province_name: ['old province name', 'tinh cu', 'ten tinh cu'],
  relation: ['relation', 'quan he', 'hinh thuc', 'hinh thuc sap xep', 'loai sap xep'],
};

const CROSSWALK_INDEX: ReadonlyMap<string, CrosswalkRole> = new Map(
  (Object.entries(CROSSWALK) as [CrosswalkRole, readonly string[]][]).flatMap(([role, keys]) =>
    keys.map((k) => [k, role] as const),
  ),
);

/**
 * Finds the columns of an old → new unit crosswalk by header ("old_code"/"new_code", "Mã cũ"/"Mã mới",
 * "Tên đơn vị cũ", "Quận/Huyện"…). Returns the 0-based column index of each role found (first wins);
 * TargetField has no crosswalk targets, so the crosswalk importer reads these roles instead.
 */
export function matchCrosswalkColumns(headers: readonly string[]): Partial<Record<CrosswalkRole, number>> {
  const out: Partial<Record<CrosswalkRole, number>> = {};
  headers.forEach((h, i) => {
    const parts = headerParts(h);
    const role =
      CROSSWALK_INDEX.get(headerKey(h)) ??
      CROSSWALK_INDEX.get(headerKeyWithoutParens(h)) ??
      (parts ? CROSSWALK_INDEX.get(headerKeyWithoutParens(parts.lower)) : undefined);
    if (role && out[role] === undefined) out[role] = i;
  });
  return out;
}
