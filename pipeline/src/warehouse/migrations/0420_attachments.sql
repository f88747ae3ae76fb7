-- Attachments (PDF, DOC, DOCX) linked from article pages: their text and the document they are.
-- Written by pipeline/src/attachments/process.ts after each run's articles are loaded; one row per
-- attachment URL. The attachment's own document (read from its header: number, date, issuer, signer)
-- is also a row of document_mentions of the linking article (mention_index >= 1000000), and resolution
-- (warehouse/finalize.ts) prefers it over what news articles say.
CREATE TABLE IF NOT EXISTS attachments (
  attachment_id VARCHAR PRIMARY KEY,
  article_id VARCHAR,
  source_id VARCHAR,
  url VARCHAR NOT NULL,
  media_type VARCHAR,
  bytes BIGINT NOT NULL,
  sha256 VARCHAR NOT NULL,
  text_chars INTEGER NOT NULL,
  method VARCHAR,
  ocr_language VARCHAR,
  extracted_text VARCHAR,
  error VARCHAR,
  archive_record_id VARCHAR,
  document_id VARCHAR,
  mention_index INTEGER,
  signer VARCHAR,
  processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

COMMENT ON TABLE attachments IS 'Tệp đính kèm (PDF, DOC, DOCX) của bài viết: văn bản trích được và văn bản gốc mà tệp thể hiện | Attachments (PDF, DOC, DOCX) linked from articles: their extracted text and the document they are';
COMMENT ON COLUMN attachments.attachment_id IS 'Mã tệp đính kèm, suy ra từ URL | Attachment id, derived from its URL';
COMMENT ON COLUMN attachments.article_id IS 'Bài viết liên kết tới tệp (bài sớm nhất nếu nhiều bài) | Article that links to the attachment (the earliest when several do)';
COMMENT ON COLUMN attachments.source_id IS 'Nguồn đã tải tệp | Source the attachment was fetched from';
COMMENT ON COLUMN attachments.url IS 'URL chuẩn hóa của tệp | Canonical URL of the attachment';
COMMENT ON COLUMN attachments.media_type IS 'Loại tệp theo nội dung byte (application/pdf, application/msword, ...) | Media type sniffed from the bytes';
COMMENT ON COLUMN attachments.bytes IS 'Kích thước tệp (byte) | Size of the file in bytes';
COMMENT ON COLUMN attachments.sha256 IS 'Mã băm SHA-256 của tệp | SHA-256 of the file';
COMMENT ON COLUMN attachments.text_chars IS 'Số ký tự văn bản trích được | Characters of extracted text';
COMMENT ON COLUMN attachments.method IS 'Cách trích văn bản: text (lớp chữ PDF), ocr (PDF scan), docx, doc | How the text was read: text (PDF text layer), ocr (scanned PDF), docx, doc';
COMMENT ON COLUMN attachments.ocr_language IS 'Ngôn ngữ OCR (vie) khi dùng OCR | OCR language model (vie) when OCR was used';
COMMENT ON COLUMN attachments.extracted_text IS 'Văn bản trích được từ tệp | Text extracted from the file';
COMMENT ON COLUMN attachments.error IS 'Lý do không trích được văn bản (ví dụ thiếu OCR), hoặc NULL | Why no text could be extracted (e.g. OCR not installed), or NULL';
COMMENT ON COLUMN attachments.archive_record_id IS 'Mã bản ghi WARC của tệp trong kho lưu trữ thô | WARC record id of the file in the raw archive';
COMMENT ON COLUMN attachments.document_id IS 'Văn bản mà tệp thể hiện (số, ngày, cơ quan ban hành đọc từ phần đầu tệp), hoặc NULL | Document the attachment is (number, date, issuer read from its header), or NULL';
COMMENT ON COLUMN attachments.mention_index IS 'Chỉ số dòng document_mentions của văn bản này (từ 1000000) | document_mentions index of this document''s own mention (1000000 and up)';
COMMENT ON COLUMN attachments.signer IS 'Người ký văn bản, đọc từ khối chữ ký | Signer of the document, read from the signature block';
COMMENT ON COLUMN attachments.processed_at IS 'Thời điểm trích văn bản | When the text was extracted';
