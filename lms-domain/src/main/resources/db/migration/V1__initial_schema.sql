-- Edusprong LMS initial schema (MariaDB 10.11). Owned by Flyway; EclipseLink never generates DDL.
-- Conventions: BIGINT surrogate keys, DATETIME(3) in UTC, utf8mb4 everywhere.

CREATE TABLE centre (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  code        VARCHAR(40)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  kind        VARCHAR(10)  NOT NULL,           -- CVO or CBE
  active      BOOLEAN      NOT NULL DEFAULT TRUE,
  CONSTRAINT uq_centre_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_account (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  centre_id      BIGINT       NOT NULL,
  username       VARCHAR(80)  NOT NULL,
  display_name   VARCHAR(200) NOT NULL,
  email          VARCHAR(254) NULL,
  password_hash  VARCHAR(400) NOT NULL,
  active         BOOLEAN      NOT NULL DEFAULT TRUE,
  coach_id       BIGINT       NULL,            -- the learner's trajectbegeleider
  created_at     DATETIME(3)  NOT NULL,
  last_login_at  DATETIME(3)  NULL,
  CONSTRAINT uq_user_username UNIQUE (username),
  CONSTRAINT fk_user_centre FOREIGN KEY (centre_id) REFERENCES centre (id),
  CONSTRAINT fk_user_coach FOREIGN KEY (coach_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_role (
  user_id  BIGINT      NOT NULL,
  role     VARCHAR(20) NOT NULL,
  PRIMARY KEY (user_id, role),
  CONSTRAINT fk_role_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed-login counters per throttle key ('acct-ip:<user>|<ip>', 'ip:<ip>', 'acct:<user>').
-- In the database, not in memory, so that every instance of a cluster applies the same backoff.
CREATE TABLE login_throttle (
  throttle_key   VARCHAR(400) NOT NULL PRIMARY KEY,
  failures       INT          NOT NULL,
  last_failure   DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE competence_area (
  code     VARCHAR(10)  NOT NULL PRIMARY KEY,
  name_nl  VARCHAR(200) NOT NULL,
  name_en  VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE competence (
  code       VARCHAR(10)  NOT NULL PRIMARY KEY,
  area_code  VARCHAR(10)  NOT NULL,
  name_nl    VARCHAR(300) NOT NULL,
  name_en    VARCHAR(300) NOT NULL,
  CONSTRAINT fk_competence_area FOREIGN KEY (area_code) REFERENCES competence_area (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE proficiency_level (
  level       INT          NOT NULL PRIMARY KEY,
  level_group VARCHAR(30)  NOT NULL,
  name_nl     VARCHAR(100) NOT NULL,
  name_en     VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE course_module (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  centre_id          BIGINT        NOT NULL,
  code               VARCHAR(80)   NOT NULL,
  content_version    INT           NOT NULL,
  kind               VARCHAR(20)   NOT NULL,   -- OPEN or DIGISPRONG
  title_nl           VARCHAR(200)  NOT NULL,
  title_en           VARCHAR(200)  NOT NULL,
  summary_nl         VARCHAR(1000) NOT NULL,
  summary_en         VARCHAR(1000) NOT NULL,
  proficiency_level  INT           NOT NULL,
  estimated_minutes  INT           NOT NULL,
  published          BOOLEAN       NOT NULL DEFAULT TRUE,
  CONSTRAINT uq_module_code UNIQUE (centre_id, code),
  CONSTRAINT fk_module_centre FOREIGN KEY (centre_id) REFERENCES centre (id),
  CONSTRAINT fk_module_level FOREIGN KEY (proficiency_level) REFERENCES proficiency_level (level)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE module_competence (
  module_id        BIGINT      NOT NULL,
  competence_code  VARCHAR(10) NOT NULL,
  PRIMARY KEY (module_id, competence_code),
  CONSTRAINT fk_mc_module FOREIGN KEY (module_id) REFERENCES course_module (id) ON DELETE CASCADE,
  CONSTRAINT fk_mc_competence FOREIGN KEY (competence_code) REFERENCES competence (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE learning_unit (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  module_id   BIGINT       NOT NULL,
  code        VARCHAR(80)  NOT NULL,
  position    INT          NOT NULL,
  title_nl    VARCHAR(200) NOT NULL,
  title_en    VARCHAR(200) NOT NULL,
  body_html   MEDIUMTEXT   NOT NULL,           -- rendered from Markdown and sanitized at load time
  minutes     INT          NOT NULL,
  CONSTRAINT uq_unit_code UNIQUE (module_id, code),
  CONSTRAINT fk_unit_module FOREIGN KEY (module_id) REFERENCES course_module (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE unit_competence (
  unit_id          BIGINT      NOT NULL,
  competence_code  VARCHAR(10) NOT NULL,
  PRIMARY KEY (unit_id, competence_code),
  CONSTRAINT fk_uc_unit FOREIGN KEY (unit_id) REFERENCES learning_unit (id) ON DELETE CASCADE,
  CONSTRAINT fk_uc_competence FOREIGN KEY (competence_code) REFERENCES competence (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A practice question of a unit, kept as its GIFT source: the GIFT importer is the one truth of
-- what the question means, and re-parsing one question gives the same Item.
CREATE TABLE practice_item (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  unit_id     BIGINT       NOT NULL,
  identifier  VARCHAR(200) NOT NULL,
  position    INT          NOT NULL,
  item_type   VARCHAR(30)  NOT NULL,
  title       VARCHAR(300) NOT NULL,
  gift_source MEDIUMTEXT   NOT NULL,
  CONSTRAINT uq_item_identifier UNIQUE (unit_id, identifier),
  CONSTRAINT fk_item_unit FOREIGN KEY (unit_id) REFERENCES learning_unit (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE enrolment (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  learner_id    BIGINT      NOT NULL,
  module_id     BIGINT      NOT NULL,
  status        VARCHAR(20) NOT NULL,          -- ACTIVE, COMPLETED, WITHDRAWN
  enrolled_at   DATETIME(3) NOT NULL,
  completed_at  DATETIME(3) NULL,
  CONSTRAINT uq_enrolment UNIQUE (learner_id, module_id),
  CONSTRAINT fk_enrolment_learner FOREIGN KEY (learner_id) REFERENCES user_account (id),
  CONSTRAINT fk_enrolment_module FOREIGN KEY (module_id) REFERENCES course_module (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The latest answer of a learner to a practice question (the full history is in learning_record).
CREATE TABLE practice_answer (
  learner_id        BIGINT      NOT NULL,
  item_id           BIGINT      NOT NULL,
  correct           BOOLEAN     NOT NULL,
  scaled_score      DECIMAL(6,5) NOT NULL,
  attempts          INT         NOT NULL,
  last_answered_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (learner_id, item_id),
  CONSTRAINT fk_answer_learner FOREIGN KEY (learner_id) REFERENCES user_account (id),
  CONSTRAINT fk_answer_item FOREIGN KEY (item_id) REFERENCES practice_item (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE unit_completion (
  learner_id    BIGINT      NOT NULL,
  unit_id       BIGINT      NOT NULL,
  completed_at  DATETIME(3) NOT NULL,
  PRIMARY KEY (learner_id, unit_id),
  CONSTRAINT fk_completion_learner FOREIGN KEY (learner_id) REFERENCES user_account (id),
  CONSTRAINT fk_completion_unit FOREIGN KEY (unit_id) REFERENCES learning_unit (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- xAPI 1.0.3 statements, stored whole as JSON so that a Learning Record Store can serve them as
-- they are; the columns beside it index what the platform queries.
CREATE TABLE learning_record (
  statement_id  CHAR(36)     NOT NULL PRIMARY KEY,
  actor_id      BIGINT       NOT NULL,
  verb_id       VARCHAR(200) NOT NULL,
  object_id     VARCHAR(500) NOT NULL,
  module_id     BIGINT       NULL,
  unit_id       BIGINT       NULL,
  occurred_at   DATETIME(3)  NOT NULL,         -- statement.timestamp
  stored_at     DATETIME(3)  NOT NULL,         -- statement.stored
  statement     LONGTEXT     NOT NULL CHECK (JSON_VALID(statement)),
  KEY ix_record_actor_time (actor_id, occurred_at),
  KEY ix_record_module (module_id, occurred_at),
  CONSTRAINT fk_record_actor FOREIGN KEY (actor_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
