-- Exemptions (vrijstellingen, EVC: recognition of prior learning; issue 3, point 7). A module may
-- have an exemption test; passing it proposes an exemption, which a teacher or coach confirms
-- (or the module confirms automatically). Staff can also grant one outright or revoke one, always
-- with a reason. Rows are never deleted: a revoked or rejected exemption stays as history.

-- The exemption test of a module (kept apart from course_module, which the content loader owns).
-- An assessment can be the test of several modules (e.g. one test for a module series).
CREATE TABLE module_exemption_test (
  module_id      BIGINT  NOT NULL PRIMARY KEY,
  assessment_id  BIGINT  NOT NULL,
  auto_confirm   BOOLEAN NOT NULL DEFAULT FALSE,
  KEY ix_exemption_test_assessment (assessment_id),
  CONSTRAINT fk_extest_module FOREIGN KEY (module_id) REFERENCES course_module (id),
  CONSTRAINT fk_extest_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- status: PROPOSED (by a passed test, waiting), CONFIRMED, REJECTED (a proposal turned down),
-- REVOKED (a confirmed or proposed one withdrawn). source: TEST or GRANTED (by staff).
-- live_learner_id makes "at most one PROPOSED or CONFIRMED exemption per learner and module" a
-- database rule.
CREATE TABLE exemption (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  module_id        BIGINT        NOT NULL,
  learner_id       BIGINT        NOT NULL,
  status           VARCHAR(20)   NOT NULL,
  source           VARCHAR(20)   NOT NULL,
  attempt_id       CHAR(36)      NULL,
  score_raw        DECIMAL(9,4)  NULL,
  score_max        DECIMAL(9,4)  NULL,
  created_at       DATETIME(3)   NOT NULL,
  reason           VARCHAR(500)  NULL,
  decided_by       BIGINT        NULL,
  decided_at       DATETIME(3)   NULL,
  decision_reason  VARCHAR(500)  NULL,
  live_learner_id  BIGINT AS (IF(status IN ('PROPOSED', 'CONFIRMED'), learner_id, NULL)) PERSISTENT,
  CONSTRAINT uq_exemption_live UNIQUE (module_id, live_learner_id),
  KEY ix_exemption_learner (learner_id),
  KEY ix_exemption_status (status),
  CONSTRAINT fk_exemption_module FOREIGN KEY (module_id) REFERENCES course_module (id),
  CONSTRAINT fk_exemption_learner FOREIGN KEY (learner_id) REFERENCES user_account (id),
  CONSTRAINT fk_exemption_decider FOREIGN KEY (decided_by) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
