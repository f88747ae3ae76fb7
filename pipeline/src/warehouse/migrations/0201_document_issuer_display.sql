-- A readable issuer per document mention: the issuer as written, completed with the province of the
-- document's issuer scope where the article names only the level ("UBND tỉnh" → "UBND tỉnh Lạng Sơn").
-- `issuer` keeps the wording of the text; documents.issuer is built from this column.
ALTER TABLE document_mentions ADD COLUMN IF NOT EXISTS issuer_display VARCHAR;
