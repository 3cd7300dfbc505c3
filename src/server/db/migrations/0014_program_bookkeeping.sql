-- Programs: which offices of a producer group keep its books (post, reverse, close months). By
-- default the chair and the treasurer (bendahara); members read the books (issue 13).
ALTER TABLE programs ADD COLUMN bookkeeping_offices text[] NOT NULL DEFAULT '{chair,treasurer}'
  CHECK (bookkeeping_offices <@ '{chair,secretary,treasurer,member}'::text[]);
