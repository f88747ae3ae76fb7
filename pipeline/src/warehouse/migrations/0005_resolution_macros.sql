-- Helpers used by resolution (finalize.ts) and by researchers: key normalisation and labels.
CREATE OR REPLACE MACRO thidua_key_number(n) AS
  CASE WHEN n IS NULL OR trim(n) = '' THEN NULL
       WHEN ltrim(trim(n), '0') = '' THEN '0'
       ELSE ltrim(trim(n), '0') END;
CREATE OR REPLACE MACRO thidua_key_symbol(s) AS
  nullif(replace(upper(regexp_replace(s, '\s+', '', 'g')), 'TƯ', 'TW'), '');
CREATE OR REPLACE MACRO thidua_roman(n) AS
  CASE WHEN n BETWEEN 1 AND 30
    THEN ['I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII','XIII','XIV','XV','XVI','XVII','XVIII',
          'XIX','XX','XXI','XXII','XXIII','XXIV','XXV','XXVI','XXVII','XXVIII','XXIX','XXX'][n]
    ELSE CAST(n AS VARCHAR) END;
-- How a document is written in Vietnamese: 138/KH-UBND, 41-CT/TW (Party style), 91/2017/NĐ-CP.
CREATE OR REPLACE MACRO thidua_display_symbol(number, symbol, year_in_symbol) AS
  CASE WHEN symbol IS NULL THEN number
       WHEN year_in_symbol IS NOT NULL THEN number || '/' || year_in_symbol || '/' || symbol
       WHEN contains(symbol, '/') THEN number || '-' || symbol
       ELSE number || '/' || symbol END;
CREATE OR REPLACE MACRO thidua_document_type_vi(t) AS
  CASE t WHEN 'plan' THEN 'Kế hoạch' WHEN 'directive' THEN 'Chỉ thị' WHEN 'resolution' THEN 'Nghị quyết'
    WHEN 'decision' THEN 'Quyết định' WHEN 'official_letter' THEN 'Công văn' WHEN 'notice' THEN 'Thông báo'
    WHEN 'conclusion' THEN 'Kết luận' WHEN 'circular' THEN 'Thông tư' WHEN 'decree' THEN 'Nghị định'
    WHEN 'law' THEN 'Luật' WHEN 'guideline' THEN 'Hướng dẫn' WHEN 'program' THEN 'Chương trình'
    WHEN 'report' THEN 'Báo cáo' WHEN 'telegram' THEN 'Công điện' ELSE 'Văn bản' END;
CREATE OR REPLACE MACRO thidua_event_kind_vi(k) AS
  CASE k WHEN 'dai_hoi_thi_dua' THEN 'Đại hội thi đua yêu nước'
    WHEN 'hoi_nghi_dien_hinh' THEN 'Hội nghị điển hình tiên tiến' ELSE 'Sự kiện thi đua' END;
