/**
 * Phrase banks for the rebuilt articles. All wording here is our own; it is combined at random
 * (seeded) so that no two rebuilt articles share one template and the extractor cannot learn a layout.
 */

export const DOC_TYPE_VI: Record<string, string> = {
  plan: 'Kế hoạch',
  directive: 'Chỉ thị',
  resolution: 'Nghị quyết',
  decision: 'Quyết định',
  official_letter: 'Công văn',
  notice: 'Thông cáo báo chí',
  law: 'Luật',
  guideline: 'Hướng dẫn',
  program: 'Chương trình',
  decree: 'Nghị định',
  conclusion: 'Kết luận',
  report: 'Báo cáo',
  circular: 'Thông tư',
  telegram: 'Công điện',
}

/** Ways to introduce a cited document at the start of a sentence. */
export const DOC_LEADINS: ReadonlyArray<string> = [
  'Thực hiện',
  'Căn cứ',
  'Triển khai',
  'Theo',
  'Cụ thể hóa',
  'Quán triệt',
]

/** What follows a document citation used as an introductory clause. */
export const DOC_CONSEQUENCES: ReadonlyArray<string> = [
  'các sở, ngành và địa phương đã xây dựng kế hoạch cụ thể, gắn trách nhiệm của người đứng đầu',
  'công tác thi đua, khen thưởng được triển khai đồng bộ từ tỉnh đến cơ sở',
  'nhiều cơ quan, đơn vị chủ động đăng ký chỉ tiêu thi đua ngay từ đầu năm',
  'Hội đồng Thi đua - Khen thưởng đã hướng dẫn các cụm, khối thi đua tổ chức ký kết giao ước',
  'các cấp ủy, chính quyền tập trung chỉ đạo, kiểm tra thường xuyên việc thực hiện',
  'việc phát hiện, bồi dưỡng và nhân rộng điển hình được chú trọng hơn',
  'nội dung thi đua bám sát nhiệm vụ chính trị của từng địa phương, đơn vị',
]

/** Sentences that follow a document cited as a standalone statement. */
export const DOC_FOLLOWUPS: ReadonlyArray<string> = [
  'Văn bản yêu cầu các đơn vị báo cáo kết quả định kỳ.',
  'Đây là căn cứ để các địa phương tổ chức thực hiện.',
  'Văn bản này được phổ biến rộng rãi tới cơ sở.',
  'Nhiều nội dung của văn bản đã sớm đi vào thực tiễn.',
  '',
  '',
]

export const OPENERS_NEWS: ReadonlyArray<string> = [
  'Theo thông tin từ Ban Thi đua - Khen thưởng,',
  'Ghi nhận của phóng viên cho thấy,',
  'Theo báo cáo tổng hợp,',
  'Trong những năm qua,',
  'Thời gian qua,',
  'Vừa qua,',
]

export const CLOSERS: ReadonlyArray<string> = [
  'Dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc được biểu dương, khen thưởng.',
  'Các đại biểu thống nhất cần tiếp tục đổi mới nội dung, hình thức thi đua cho phù hợp với thực tiễn.',
  'Phong trào thi đua được kỳ vọng tiếp tục tạo động lực cho các mục tiêu phát triển kinh tế - xã hội.',
  'Công tác tuyên truyền, nhân rộng điển hình tiên tiến sẽ được đẩy mạnh trong thời gian tới.',
  'Ban tổ chức đề nghị các đơn vị rà soát, hoàn thiện hồ sơ khen thưởng đúng thời hạn.',
  'Kết thúc chương trình, các đại biểu chụp ảnh lưu niệm cùng những gương điển hình tiêu biểu.',
  'Nhiều mô hình hay, cách làm sáng tạo từ phong trào đã được các địa phương học tập.',
  'Tỉnh xác định thi đua là động lực quan trọng để hoàn thành các chỉ tiêu đã đề ra.',
]

export const SPEECH_VERBS: ReadonlyArray<string> = [
  'nhấn mạnh',
  'đề nghị',
  'khẳng định',
  'lưu ý',
  'yêu cầu',
  'chỉ rõ',
]

export const SPEECH_CONTENT: ReadonlyArray<string> = [
  'phong trào thi đua phải thiết thực, tránh hình thức và gắn với nhiệm vụ chính trị của từng đơn vị',
  'khen thưởng cần kịp thời, chính xác, ưu tiên người trực tiếp lao động, sản xuất',
  'các cấp cần quan tâm phát hiện, bồi dưỡng những nhân tố mới, điển hình tiên tiến',
  'mỗi cán bộ, đảng viên phải là tấm gương trong thực hiện các phong trào thi đua',
  'phải tiếp tục đổi mới công tác thi đua, khen thưởng trong tình hình mới',
  'các cụm, khối thi đua cần phát huy vai trò trong việc chia sẻ kinh nghiệm, cách làm hay',
  'thành tích của phong trào cần được lượng hóa bằng kết quả cụ thể',
  'công tác tuyên truyền về gương người tốt, việc tốt phải được làm thường xuyên',
]

export const ATTENDANCE: ReadonlyArray<string> = [
  'Tham dự có {who}.',
  'Dự và chỉ đạo có {who}.',
  'Về dự có {who}.',
  'Cùng tham dự có {who}.',
]

export const CAMPAIGN_FRAMES: ReadonlyArray<string> = [
  'Các phong trào thi đua trọng tâm như {list} được triển khai sâu rộng.',
  'Nổi bật là các phong trào {list}.',
  'Trong đó, phong trào {list} đạt nhiều kết quả đáng ghi nhận.',
  'Địa phương tập trung triển khai các phong trào: {list}.',
  'Các cấp, các ngành tiếp tục hưởng ứng {list}.',
  'Gắn với các phong trào {list}, nhiều công trình, phần việc thiết thực đã hoàn thành.',
]

export const OTHER_CAMPAIGN_FRAMES: ReadonlyArray<string> = [
  'Bên cạnh đó, địa phương còn phát động {list}.',
  'Ngoài ra, {list} cũng được triển khai rộng khắp.',
  'Đáng chú ý là {list}.',
  'Cùng với đó là {list}.',
]

/** Short forms real articles use for the national movements, by campaign id. */
export const CAMPAIGN_SHORT: Record<string, ReadonlyArray<string>> = {
  nong_thon_moi: ['chung sức xây dựng nông thôn mới', 'xây dựng nông thôn mới'],
  vi_nguoi_ngheo: ['Vì người nghèo - Không để ai bị bỏ lại phía sau', 'chung tay vì người nghèo'],
  doanh_nghiep_hoi_nhap: ['Doanh nghiệp Việt Nam hội nhập và phát triển'],
  van_hoa_cong_so: ['thi đua thực hiện văn hóa công sở', 'văn hóa công sở'],
  ha_tang_tiet_kiem: [
    'Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí',
  ],
  xoa_nha_tam: ['xóa nhà tạm, nhà dột nát', 'chung tay xóa nhà tạm, nhà dột nát'],
  hoc_tap_lam_theo_bac: [
    'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    'Học tập và làm theo tấm gương đạo đức Hồ Chí Minh',
  ],
  toan_dan_doan_ket_van_hoa: ['Toàn dân đoàn kết xây dựng đời sống văn hóa'],
  cao_toc_500_ngay: ['500 ngày đêm thi đua hoàn thành 3.000 km đường bộ cao tốc'],
}

export const FIGURE_FRAMES: ReadonlyArray<string> = [
  '{What} đạt {value}.',
  '{What}: {value}.',
  '{What} là {value}.',
  'Thống kê cho thấy {what} đạt {value}.',
]

export const AUTHORS: ReadonlyArray<string> = [
  'Minh Anh',
  'Thu Hà',
  'Quốc Việt',
  'Hồng Nhung',
  'Thanh Tùng',
  'Ngọc Lan',
  'Đức Trung',
  'Phương Thảo',
  'Hải Nam',
  'Bảo Ngọc',
  'Văn Sơn',
  'Thùy Linh',
  'Trọng Hiếu',
  'Kim Oanh',
  'Xuân Bách',
]

export const PHOTO_CAPTIONS: ReadonlyArray<string> = [
  'Quang cảnh hội nghị',
  'Các đại biểu dự chương trình',
  'Trao khen thưởng cho các tập thể tiêu biểu',
  'Lãnh đạo tỉnh tặng hoa chúc mừng các điển hình',
  'Một góc hoạt động thi đua tại cơ sở',
  'Đại biểu phát biểu tham luận',
]
