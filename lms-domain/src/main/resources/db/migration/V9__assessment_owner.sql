-- The teacher who made an assessment (issue 3, point 3: "Assessments (in a centre, owned by
-- teachers)"). NULL for assessments made by the platform itself (demo, tests). Every teacher of the
-- centre can see and run them; the owner is shown and kept for the record.
ALTER TABLE assessment
  ADD COLUMN owner_id BIGINT NULL,
  ADD CONSTRAINT fk_assessment_owner FOREIGN KEY (owner_id) REFERENCES user_account (id);
