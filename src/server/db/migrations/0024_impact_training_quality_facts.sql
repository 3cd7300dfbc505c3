-- Certifications and training as facts a program reports (docs/indicators.md): the quality and
-- training modules publish them here; the impact module reads these views, never their tables.

-- quality: each certification of a group or product, with its kind and the days it holds.
CREATE VIEW quality_certifications AS
  SELECT id, program_id, group_id, product_id, area_path, kind, issued_on, expires_on
  FROM certifications;

-- training: each place taken in a session that runs (not waitlisted, not cancelled), with the
-- session's first day and its course's topic.
CREATE VIEW training_participations AS
  SELECT e.id, e.member_id, e.program_id, e.group_id, e.area_path, s.starts_on, c.topic
  FROM enrolments e
  JOIN training_sessions s ON s.id = e.session_id
  JOIN courses c ON c.id = s.course_id
  WHERE e.status = 'enrolled' AND s.status = 'scheduled';

-- training: each certificate of completion that stands (a withdrawn or revoked one does not), on the
-- day it was issued.
CREATE VIEW training_completions AS
  SELECT id, member_id, program_id, group_id, area_path, topic, issued_at::date AS issued_on
  FROM training_certificates
  WHERE revoked_at IS NULL;
