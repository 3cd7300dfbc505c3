-- What a training certificate must carry to be relied on: the course's hours, the issuing
-- organisation, the place and date of issue, and the signing officer with their signature.
--
-- Each program keeps who signs and issues its certificates (set by its program manager); a
-- certificate keeps what it printed, so a later change of signer does not change an issued paper.
CREATE TABLE training_certificate_settings (
  program_id uuid PRIMARY KEY REFERENCES programs (id) ON DELETE CASCADE,
  -- The organisation that issues, e.g. "Dinas Koperasi dan UKM Provinsi Bali".
  issuer text,
  signer_name text,
  signer_title text,
  -- A PNG in private storage (never served by /media): only the PDF and the program manager see it.
  signature_key text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE training_certificates
  ADD COLUMN hours integer,
  ADD COLUMN issuer text,
  ADD COLUMN place text,
  ADD COLUMN signer_name text,
  ADD COLUMN signer_title text,
  ADD COLUMN signature_key text;

-- Certificates issued before: the course's hours and the place (the session's regency) are known;
-- no signer was recorded then, and none is invented.
UPDATE training_certificates c
SET hours = co.duration_hours, place = a.name
FROM training_sessions s
JOIN courses co ON co.id = s.course_id
JOIN areas a ON a.code = coalesce(nullif(split_part(s.area_path, '/', 3), ''), s.area_code)
WHERE s.id = c.session_id;
