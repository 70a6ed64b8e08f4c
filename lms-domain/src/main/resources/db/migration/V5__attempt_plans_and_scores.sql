-- Exam delivery, third part (issue 3, points 3 to 5): sections and pools, a stored plan per attempt
-- (drawn questions and option orders from a seed, generated before the start if need be), and
-- scores: automatic per question at submission, manual for essays, totals and pass per attempt.

-- Options (choices) shown in a random order per attempt; ordering items always are.
ALTER TABLE assessment
  ADD COLUMN shuffle_options BOOLEAN NOT NULL DEFAULT FALSE;

-- A section: fixed questions (draw_count = its number of questions) or a pool that draws
-- draw_count of them per attempt; shuffle: the drawn questions in random order.
CREATE TABLE assessment_section (
  assessment_id  BIGINT       NOT NULL,
  position       INT          NOT NULL,
  title          VARCHAR(200) NULL,
  draw_count     INT          NOT NULL,
  shuffle        BOOLEAN      NOT NULL DEFAULT FALSE,
  PRIMARY KEY (assessment_id, position),
  CONSTRAINT fk_section_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A question now names its section, its points (a fraction of them is earned), an optional
-- rubric for manual grading (JSON: [{"criterion": "...", "points": 2}, ...]), and the format its
-- source is kept in: 'gift' or 'qti3' (a QTI 3.0 qti-assessment-item, for the types GIFT cannot
-- express: ordering, cloze, gap match).
ALTER TABLE assessment_item
  CHANGE COLUMN gift_source source MEDIUMTEXT NOT NULL,
  ADD COLUMN source_format VARCHAR(10)  NOT NULL DEFAULT 'gift',
  ADD COLUMN section       INT          NOT NULL DEFAULT 1,
  ADD COLUMN points        DECIMAL(7,2) NOT NULL DEFAULT 1.00,
  ADD COLUMN rubric        TEXT         NULL;

INSERT INTO assessment_section (assessment_id, position, draw_count, shuffle)
  SELECT assessment_id, 1, COUNT(*), FALSE FROM assessment_item GROUP BY assessment_id;

-- A PREPARED attempt was generated before the start and has no start time yet.
-- seed: the attempt plan's seed (AttemptPlan); score_raw/score_max: points earned and possible;
-- passed: against the pass mark (NULL without one, or while questions await grading);
-- graded_at: when the last question got its score (NULL while one awaits a teacher).
ALTER TABLE attempt
  MODIFY COLUMN started_at DATETIME(3) NULL,
  ADD COLUMN seed        BIGINT       NOT NULL DEFAULT 0,
  ADD COLUMN score_raw   DECIMAL(9,4) NULL,
  ADD COLUMN score_max   DECIMAL(9,4) NULL,
  ADD COLUMN passed      BOOLEAN      NULL,
  ADD COLUMN graded_at   DATETIME(3)  NULL;

-- The plan of an attempt: its questions in the order shown, their options in the order shown
-- (option ids separated by commas; empty when the question has none), their points, and their
-- score once known (NULL: not scored yet, or awaiting a teacher: needs_grading).
CREATE TABLE attempt_item (
  attempt_id       CHAR(36)      NOT NULL,
  position         INT           NOT NULL,
  section          INT           NOT NULL,
  item_identifier  VARCHAR(200)  NOT NULL,
  option_order     VARCHAR(2000) NOT NULL,
  points           DECIMAL(7,2)  NOT NULL,
  score            DECIMAL(9,4)  NULL,
  needs_grading    BOOLEAN       NOT NULL DEFAULT FALSE,
  graded_by        BIGINT        NULL,
  graded_at        DATETIME(3)   NULL,
  grader_comment   VARCHAR(2000) NULL,
  rubric_scores    VARCHAR(2000) NULL,          -- JSON: [points per rubric criterion]
  PRIMARY KEY (attempt_id, position),
  CONSTRAINT uq_attempt_item UNIQUE (attempt_id, item_identifier),
  KEY ix_attempt_item_grading (needs_grading),
  CONSTRAINT fk_aitem_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id),
  CONSTRAINT fk_aitem_grader FOREIGN KEY (graded_by) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Attempts from before plans existed: every question of the assessment, in order, options as
-- stored.
INSERT INTO attempt_item (attempt_id, position, section, item_identifier, option_order, points)
  SELECT t.id, i.position, 1, i.identifier, '', i.points
  FROM attempt t JOIN assessment_item i ON i.assessment_id = t.assessment_id;
