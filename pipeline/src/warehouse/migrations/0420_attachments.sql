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
