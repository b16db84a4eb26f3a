/** Vietnamese UI strings (the default language). Every user-visible string lives here and in en.ts. */
import { importVi } from './import-vi';
import { geoVi } from './geo-vi';
import { pivotVi } from './pivot-vi';
import { trendsVi } from './trends-vi';
import { mapVi } from './map-vi';
import { exportVi } from './export-vi';
import { rankingVi } from './ranking-vi';
import { shortlistVi } from './shortlist-vi';

export const vi = {
  app: {
    title: 'DVK Atlas',
    subtitle: 'Phân tích mô hình “Dân vận khéo”',
    sampleBadge: 'Dữ liệu minh họa',
    sampleBadgeTitle:
      'Không gian làm việc đang chứa bộ dữ liệu mẫu, chỉ dùng để minh họa — không phải số liệu thật.',
    language: 'Ngôn ngữ',
    skipToContent: 'Chuyển đến nội dung chính',
    connecting: 'Đang kết nối với bộ máy dữ liệu…',
    summary: '{{models}} mô hình · {{units}} phường/xã · số liệu {{from}}–{{to}}',
    emptyTitle: 'Chưa có dữ liệu',
    emptyBody: 'Không gian làm việc chưa có mô hình nào. Hãy nhập tệp dữ liệu (Excel, CSV) để bắt đầu.',
  },
  nav: {
    label: 'Các trang phân tích',
    overview: 'Tổng quan',
    pivot: 'Pivot',
    map: 'Bản đồ',
    trends: 'Xu hướng',
    models: 'Mô hình',
    ranking: 'Xếp hạng',
    shortlist: 'Danh sách chọn',
    import: 'Nhập dữ liệu',
  },
  filters: {
    label: 'Bộ lọc chung',
    province: 'Tỉnh/Thành phố',
    unit: 'Phường/Xã',
    field: 'Lĩnh vực',
    sponsor: 'Cơ quan chủ trì',
    status: 'Tình trạng',
    startYear: 'Năm bắt đầu',
    indicator: 'Đã báo cáo chỉ tiêu',
    removeChip: 'Bỏ lọc {{label}}',
    all: 'Tất cả',
    nSelected: '{{count}} đã chọn',
    from: 'Từ tháng',
    to: 'Đến tháng',
    anyMonth: 'Bất kỳ',
    search: 'Tìm kiếm',
    searchPlaceholder: 'Tìm theo tên, mã, phường/xã… (không cần gõ dấu)',
    clear: 'Xóa bộ lọc',
    findOption: 'Tìm trong danh sách',
    clearSelection: 'Bỏ chọn tất cả',
    noOptions: 'Không có lựa chọn phù hợp',
    close: 'Đóng',
  },
  state: {
    loading: 'Đang tải…',
    empty: 'Không có dữ liệu cho bộ lọc này',
    emptyHint: 'Hãy nới rộng bộ lọc hoặc bấm “Xóa bộ lọc”.',
    retry: 'Thử lại',
  },
  errors: {
    code: 'Mã lỗi: {{code}}',
    WORKSPACE_LOCKED: {
      title: 'Không gian làm việc đang bị một chương trình khác khóa.',
      action: 'Đóng cửa sổ DVK Atlas (hoặc lệnh dvk) khác đang mở cùng tệp dữ liệu, rồi bấm “Thử lại”.',
    },
    QUERY_FAILED: {
      title: 'Bộ máy dữ liệu không chạy được truy vấn này.',
      action: 'Bấm “Thử lại”. Nếu vẫn lỗi, hãy thu hẹp bộ lọc hoặc khởi động lại ứng dụng.',
    },
    SPEC_INVALID: {
      title: 'Yêu cầu gửi tới bộ máy dữ liệu không hợp lệ.',
      action: 'Bấm “Xóa bộ lọc” rồi thử lại. Nếu lỗi lặp lại, hãy báo cho bộ phận kỹ thuật kèm mã lỗi.',
    },
    DISCONNECTED: {
      title: 'Mất kết nối với bộ máy dữ liệu.',
      action: 'Khởi động lại ứng dụng. Dữ liệu đã nhập vẫn được giữ nguyên.',
    },
    WORKSPACE_OPEN_FAILED: {
      title: 'Không mở được không gian làm việc.',
      action: 'Khởi động lại ứng dụng. Nếu vẫn lỗi, hãy mở bản sao lưu gần nhất.',
    },
    WORKSPACE_NEWER: {
      title: 'Không gian làm việc được tạo bởi phiên bản DVK Atlas mới hơn.',
      action: 'Hãy cập nhật DVK Atlas lên phiên bản mới nhất.',
    },
    CANCELLED: {
      title: 'Yêu cầu đã bị hủy.',
      action: 'Bấm “Thử lại” để chạy lại.',
    },
    UNKNOWN: {
      title: 'Đã xảy ra lỗi không mong muốn.',
      action: 'Bấm “Thử lại”. Nếu vẫn lỗi, hãy khởi động lại ứng dụng.',
    },
  },
  units: {
    models: 'mô hình',
    unitsCovered: 'phường/xã',
  },
  overview: {
    title: 'Tổng quan',
    kpiLabel: 'Chỉ số chính',
    kpi: {
      models: 'Mô hình',
      active: 'Đang triển khai',
      units: 'Phường/xã có mô hình',
      funds: 'Kinh phí vận động',
      beneficiaries: 'Người dân hưởng lợi',
      households: 'Hộ nghèo, cận nghèo được hỗ trợ',
      unitsOf: 'trên tổng số {{total}} phường/xã',
      activeShare: '{{pct}} tổng số mô hình',
    },
    byField: 'Mô hình theo lĩnh vực',
    byFieldHint: 'Bấm vào một thanh để lọc theo lĩnh vực đó.',
    byFieldAria: 'Biểu đồ thanh ngang: số mô hình theo lĩnh vực, sắp xếp giảm dần.',
    fundsByMonth: 'Kinh phí vận động theo tháng',
    fundsByMonthHint: 'Tổng kinh phí các mô hình báo cáo trong từng tháng.',
    fundsByMonthAria: 'Biểu đồ cột: tổng kinh phí vận động theo tháng.',
  },
  models: {
    title: 'Mô hình',
    count_one: '{{n}} mô hình',
    count_other: '{{n}} mô hình',
    tableLabel: 'Danh sách mô hình',
    sortHint: 'Bấm tiêu đề cột để sắp xếp.',
    rowLoading: 'Đang tải dòng này…',
    columns: {
      model_id: 'Mã',
      name: 'Tên mô hình',
      unit_code: 'Mã đơn vị',
      unit_name: 'Phường/Xã',
      province: 'Tỉnh/TP',
      field: 'Lĩnh vực',
      sponsor: 'Cơ quan chủ trì',
      start_date: 'Ngày bắt đầu',
      status: 'Tình trạng',
      recognition: 'Cấp công nhận',
      lat: 'Vĩ độ',
      lon: 'Kinh độ',
      replicated_from: 'Nhân rộng từ',
    },
    detail: {
      title: 'Chi tiết mô hình',
      close: 'Đóng chi tiết',
      attributes: 'Thông tin chung',
      indicators: 'Chỉ tiêu đã báo cáo',
      latest: 'Mới nhất ({{period}})',
      noValues: 'Mô hình chưa báo cáo chỉ tiêu nào.',
      notFound: 'Không tìm thấy mô hình này trong không gian làm việc.',
      coordinates: 'Tọa độ',
      months: '{{from}}–{{to}}',
      gaps_one: '{{count}} tháng thiếu số liệu',
      gaps_other: '{{count}} tháng thiếu số liệu',
      noGaps: 'Đủ số liệu các tháng',
      sparklineAria: '{{name}}: diễn biến từ {{from}} đến {{to}}, {{gaps}}.',
    },
  },

  import: importVi,
  geo: geoVi,
  pivot: pivotVi,
  trends: trendsVi,
  map: mapVi,
  export: exportVi,
  ranking: rankingVi,
  shortlist: shortlistVi,
} as const;

/** The shape every language must provide: same keys, any strings. */
export type Messages<T = typeof vi> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
