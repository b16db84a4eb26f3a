/**
 * Words for generated models, aligned with `FIELDS` of the catalogue (same order): name templates, a
 * purpose sentence for descriptions, how often each field occurs in wards / communes / the special zone,
 * and which sponsors favour which field.
 */

import { SPONSORS } from '../../../shared/catalog';

/** Per field (same order as `FIELDS`): model name templates, most common first. */
export const NAME_TEMPLATES: readonly (readonly string[])[] = [
  [
    'Hẻm sạch, hẻm đẹp',
    'Tuyến hẻm văn minh',
    'Thắp sáng hẻm nhỏ',
    'Chỉnh trang vỉa hè, trả lại lối đi cho người đi bộ',
    'Khu phố sáng – xanh – sạch – đẹp',
    'Ngầm hóa dây điện, cáp viễn thông',
    'Cùng dân chỉnh trang đô thị',
    'Tuyến phố kiểu mẫu',
  ],
  [
    'Cà phê sáng lắng nghe dân',
    '10 bản sao trong 15 phút',
    'Hồ sơ không chờ',
    'Một cửa thân thiện',
    'Trả kết quả tận nhà',
    'Tổ công nghệ số cộng đồng',
    'Bình dân học vụ số',
    'Ngày thứ Bảy không hẹn',
    'Hướng dẫn dịch vụ công trực tuyến tận nhà',
  ],
  [
    'Mỗi nhà một cây xanh',
    'Vườn hoa cộng đồng',
    'Biến điểm rác thành vườn hoa',
    'Tuyến đường hoa',
    'Công viên mini trong hẻm',
    'Hàng cây tri ân',
    'Sân chơi xanh cho thiếu nhi',
  ],
  [
    'Mái ấm cho hộ nghèo',
    'Bếp ăn tình thương',
    'Gian hàng 0 đồng',
    'Tủ bánh mì 0 đồng',
    'Nồi cháo yêu thương',
    'Xóa nhà tạm, nhà dột nát',
    'Ngân hàng bò giúp hộ nghèo',
    'Tết sum vầy',
    'Heo đất tiết kiệm tình thương',
    'Phiên chợ nghĩa tình',
  ],
  [
    'Phân loại rác tại nguồn',
    'Ngày Chủ nhật xanh',
    'Ve chai đổi quà',
    'Đổi rác lấy quà',
    'Tuyến kênh không rác',
    'Chống rác thải nhựa',
    'Thu gom pin cũ',
    'Túi vải thay túi ni lông',
  ],
  [
    'Homestay cộng đồng',
    'Tuyến du lịch xanh miệt vườn',
    'Chợ quê cuối tuần',
    'Làng nghề truyền thống đón khách',
    'Hướng dẫn viên nhí',
    'Điểm đến thân thiện',
  ],
  [
    'Hợp tác xã nông nghiệp sạch',
    'Tổ hợp tác rau an toàn',
    'Cánh đồng lớn',
    'Vườn rau sạch gia đình',
    'Liên kết tiêu thụ nông sản',
    'Nông dân làm giàu từ nấm sạch',
    'Chuỗi giá trị trái cây',
    'Phụ nữ khởi nghiệp',
  ],
  [
    'Cầu nông thôn',
    'Thắp sáng đường quê',
    'Đường quê sáng – xanh – sạch',
    'Bê tông hóa đường ấp',
    'Hiến đất làm đường',
    'Cây cầu nghĩa tình',
    'Nhà nước và nhân dân cùng làm',
  ],
  [
    'Chuyến xe nghĩa tình',
    'Chuyến xe 0 đồng',
    'Tủ thuốc cộng đồng',
    'Khám bệnh, cấp thuốc miễn phí',
    'Bếp cơm bệnh viện',
    'Bác sĩ gia đình cho người cao tuổi',
  ],
  [
    'Tiếp sức đến trường',
    'Áo trắng cho em',
    'Tủ sách khuyến học',
    'Học bổng vượt khó',
    'Xe đạp đến trường',
    'Lớp học tình thương',
    'Dòng họ khuyến học',
  ],
  [
    'Camera an ninh',
    'Khu phố không ma túy',
    'Tuyến hẻm an toàn',
    'Tổ tự quản an ninh',
    'Cột đèn an ninh',
    'Zalo an ninh khu phố',
    'Chốt dân phòng tự quản',
  ],
  [
    'Đảng viên giữ mối liên hệ với hộ gia đình',
    'Cấp ủy gần dân',
    'Đối thoại với nhân dân',
    'Ngày thứ Sáu lắng nghe',
    'Tiếp dân cuối tuần',
    'Tổ dân phố tự quản',
  ],
];

/** Per field: what the model does, for the description. */
export const PURPOSES: readonly string[] = [
  'Vận động người dân cùng chỉnh trang hẻm, vỉa hè, chiếu sáng và cảnh quan khu dân cư.',
  'Rút ngắn thời gian giải quyết thủ tục hành chính, hướng dẫn người dân dùng dịch vụ công trực tuyến.',
  'Trồng và chăm sóc cây xanh, cải tạo điểm rác thành mảng xanh công cộng.',
  'Vận động nguồn lực xã hội hỗ trợ hộ nghèo, cận nghèo và người có hoàn cảnh khó khăn.',
  'Thu gom, phân loại rác, làm sạch kênh mương và nâng cao ý thức bảo vệ môi trường.',
  'Phát triển du lịch cộng đồng gắn với sản phẩm địa phương, tạo sinh kế cho người dân.',
  'Liên kết sản xuất nông nghiệp sạch, xây dựng sản phẩm OCOP và nâng thu nhập cho nông dân.',
  'Nhà nước và nhân dân cùng làm đường, cầu, chiếu sáng nông thôn.',
  'Đưa đón bệnh nhân, khám chữa bệnh và hỗ trợ bữa ăn cho người bệnh khó khăn.',
  'Hỗ trợ học sinh có hoàn cảnh khó khăn, khuyến học, khuyến tài.',
  'Phát huy vai trò người dân trong giữ gìn an ninh trật tự tại khu dân cư.',
  'Tăng cường đối thoại, lắng nghe và giải quyết kiến nghị của người dân.',
];

/** Relative field frequency by unit type (same order as `FIELDS`). */
export const FIELD_WEIGHTS: Readonly<Record<'phường' | 'xã' | 'đặc khu', readonly number[]>> = {
  phường: [14, 10, 8, 20, 10, 2, 3, 2, 9, 8, 9, 5],
  xã: [5, 7, 7, 18, 9, 4, 14, 16, 6, 6, 5, 3],
  'đặc khu': [4, 6, 6, 14, 14, 18, 8, 8, 8, 5, 5, 4],
};

/** Baseline sponsor weights (same order as `SPONSORS`). */
const SPONSOR_BASE = [10, 10, 8, 3, 4, 3, 3, 2, 12, 2, 2, 2];

/** Per field, sponsors (by name) that lead such models far more often than the baseline. */
const SPONSOR_BOOST: readonly Readonly<Record<string, number>>[] = [
  { 'UBND phường/xã': 2, 'Ủy ban MTTQ Việt Nam': 1.5 },
  { 'Trung tâm Phục vụ hành chính công': 12, 'UBND phường/xã': 2, 'Đoàn Thanh niên': 1.5, 'Công an': 2 },
  { 'Đoàn Thanh niên': 2.5, 'Hội Cựu chiến binh': 1.5 },
  { 'Ủy ban MTTQ Việt Nam': 2, 'Tổ chức tôn giáo': 4, 'Hội Liên hiệp Phụ nữ': 1.5, 'Doanh nghiệp': 2 },
  { 'Đoàn Thanh niên': 2, 'Hội Liên hiệp Phụ nữ': 2 },
  { 'Doanh nghiệp': 4, 'Hội Liên hiệp Phụ nữ': 1.5, 'Đoàn Thanh niên': 1.5 },
  { 'Hội Nông dân': 8, 'Hội Liên hiệp Phụ nữ': 1.5, 'Doanh nghiệp': 3 },
  { 'Hội Nông dân': 3, 'UBND phường/xã': 2, 'Tổ chức tôn giáo': 2, 'Doanh nghiệp': 2 },
  { 'Tổ chức tôn giáo': 3, 'Đoàn Thanh niên': 1.5, 'Doanh nghiệp': 2 },
  { 'Đoàn Thanh niên': 2, 'Hội Liên hiệp Phụ nữ': 1.5, 'Doanh nghiệp': 2 },
  { 'Công an': 10, 'Ban Chỉ huy Quân sự': 4, 'Hội Cựu chiến binh': 3 },
  { 'UBND phường/xã': 3, 'Ủy ban MTTQ Việt Nam': 2 },
];

/** Sponsor weights for each field (same order as `FIELDS`, inner order as `SPONSORS`). */
export const SPONSOR_WEIGHTS: readonly (readonly number[])[] = SPONSOR_BOOST.map((boost) =>
  SPONSORS.map((s, i) => (SPONSOR_BASE[i] ?? 1) * (boost[s] ?? 1)),
);
