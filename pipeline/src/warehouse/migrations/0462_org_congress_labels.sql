-- Labels of Party and mass-organisation congresses (events of kind 'other', issue #11): named by their
-- holder ("Đại hội Đảng bộ tỉnh lần thứ XX", "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng") instead of
-- the generic "Sự kiện thi đua".
CREATE OR REPLACE MACRO thidua_org_congress_vi(org, scope) AS
  CASE org
    WHEN 'party' THEN CASE WHEN scope = 'national' THEN 'Đại hội đại biểu toàn quốc của Đảng' ELSE 'Đại hội Đảng bộ' END
    WHEN 'farmers_union' THEN 'Đại hội Hội Nông dân'
    WHEN 'trade_union' THEN 'Đại hội Công đoàn'
    WHEN 'youth_union' THEN 'Đại hội Đoàn TNCS Hồ Chí Minh'
    WHEN 'women_union' THEN 'Đại hội Phụ nữ'
    WHEN 'fatherland_front' THEN 'Đại hội Mặt trận Tổ quốc'
    WHEN 'veterans' THEN 'Đại hội Hội Cựu chiến binh'
    WHEN 'ethnic_minorities' THEN 'Đại hội đại biểu các dân tộc thiểu số'
    WHEN 'armed_forces' THEN 'Đại hội thi đua Quyết thắng'
    ELSE 'Đại hội' END;
