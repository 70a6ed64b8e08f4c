-- Exam delivery, second part (issue 3, points 3 and 4): who may start (access code, allowed IP
-- ranges, accommodations), one active delivery per attempt (takeover lock) and the integrity log.
-- All of it lives in the database, so every instance sees the same lock and the same log.

-- Access code: NULL means none is asked. Allowed ranges: CIDR blocks separated by spaces or commas
-- (IPv4 and IPv6), NULL for everywhere. Pass mark: a percentage of the maximum score, NULL for none.
-- Review: what the learner sees after submitting (NONE, SCORE, RESPONSES, FULL).
ALTER TABLE assessment
  ADD COLUMN access_code        VARCHAR(64)   NULL,
  ADD COLUMN allowed_ip_ranges  VARCHAR(2000) NULL,
  ADD COLUMN pass_mark_percent  DECIMAL(5,2)  NULL,
  ADD COLUMN review             VARCHAR(20)   NOT NULL DEFAULT 'SCORE';

-- Per-learner accommodations (aanpassingen) for one assessment: extra time as a percentage of the
-- time limit and extra attempts on top of the assessment's number.
CREATE TABLE assessment_accommodation (
  assessment_id       BIGINT       NOT NULL,
  learner_id          BIGINT       NOT NULL,
  extra_time_percent  INT          NOT NULL DEFAULT 0,
  extra_attempts      INT          NOT NULL DEFAULT 0,
  reason              VARCHAR(500) NULL,
  PRIMARY KEY (assessment_id, learner_id),
  CONSTRAINT fk_accommodation_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_accommodation_learner FOREIGN KEY (learner_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The one active delivery of an attempt (a browser tab on a device): its token, when it was opened
-- and the address it was opened from. A save must carry the current token; a delivery that was
-- taken over is locked out. delivery_ip also serves to notice an IP change.
ALTER TABLE attempt
  ADD COLUMN delivery_token      CHAR(36)    NULL,
  ADD COLUMN delivery_opened_at  DATETIME(3) NULL,
  ADD COLUMN delivery_ip         VARCHAR(45) NULL;

-- The integrity log of an attempt (issue 3, point 4): START, RESUME, TAKEOVER, LOCKED_OUT,
-- FOCUS_LOST, FOCUS_REGAINED, IP_CHANGE, STALE_SAVE, SUBMIT, AUTO_SUBMIT. Append-only.
CREATE TABLE attempt_event (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  attempt_id  CHAR(36)     NOT NULL,
  kind        VARCHAR(30)  NOT NULL,
  at          DATETIME(3)  NOT NULL,
  ip          VARCHAR(45)  NULL,
  detail      VARCHAR(500) NULL,
  KEY ix_event_attempt (attempt_id, id),
  CONSTRAINT fk_event_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
