"""Stage 3: text -> ParsedArticle (title, date, url, paragraphs, links). Pure."""
