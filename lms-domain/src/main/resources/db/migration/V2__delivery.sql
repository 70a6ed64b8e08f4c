-- Exam delivery (issue 3, point 4): assessments with their questions, attempts, the latest saved
-- response per question, the signed receipt chain and the platform's signing key.
-- Everything delivery needs lives here, not in one server's memory, so several instances can serve
-- one sitting: a save locks its attempt row (SELECT ... FOR UPDATE) and writes the response and its
-- receipt in one transaction.

CREATE TABLE assessment (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  centre_id           BIGINT       NOT NULL,
  title               VARCHAR(200) NOT NULL,
  time_limit_seconds  INT          NULL,         -- NULL: no time limit
  opens_at            DATETIME(3)  NULL,         -- NULL: open from creation
  closes_at           DATETIME(3)  NULL,         -- NULL: never closes
  max_attempts        INT          NOT NULL,
  created_at          DATETIME(3)  NOT NULL,
  CONSTRAINT fk_assessment_centre FOREIGN KEY (centre_id) REFERENCES centre (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A question of an assessment, kept as its GIFT source like practice_item.
CREATE TABLE assessment_item (
  assessment_id  BIGINT       NOT NULL,
  position       INT          NOT NULL,
  identifier     VARCHAR(200) NOT NULL,
  gift_source    MEDIUMTEXT   NOT NULL,
  PRIMARY KEY (assessment_id, position),
  CONSTRAINT uq_assessment_item UNIQUE (assessment_id, identifier),
  CONSTRAINT fk_aitem_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One sitting of a learner. receipt_count and last_hash are the head of its receipt chain.
-- active_learner_id makes "one ACTIVE attempt per learner and assessment" a database rule too.
CREATE TABLE attempt (
  id                         CHAR(36)    NOT NULL PRIMARY KEY,
  assessment_id              BIGINT      NOT NULL,
  learner_id                 BIGINT      NOT NULL,
  started_at                 DATETIME(3) NOT NULL,
  deadline_at                DATETIME(3) NULL,     -- NULL: no deadline
  extra_time_percent         INT         NOT NULL DEFAULT 0,
  credited_downtime_seconds  BIGINT      NOT NULL DEFAULT 0,
  status                     VARCHAR(20) NOT NULL, -- ACTIVE or SUBMITTED
  submitted_at               DATETIME(3) NULL,
  submitted_by               VARCHAR(20) NULL,     -- LEARNER or SERVER
  receipt_count              BIGINT      NOT NULL DEFAULT 0,
  last_hash                  CHAR(64)    NOT NULL,
  active_learner_id          BIGINT AS (IF(status = 'ACTIVE', learner_id, NULL)) PERSISTENT,
  CONSTRAINT uq_attempt_active UNIQUE (assessment_id, active_learner_id),
  KEY ix_attempt_learner (learner_id, assessment_id),
  KEY ix_attempt_deadline (status, deadline_at),
  CONSTRAINT fk_attempt_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
  CONSTRAINT fk_attempt_learner FOREIGN KEY (learner_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The latest accepted response per question of an attempt (ResponseVersions.Stored).
CREATE TABLE attempt_response (
  attempt_id       CHAR(36)     NOT NULL,
  item_identifier  VARCHAR(200) NOT NULL,
  version          BIGINT       NOT NULL,
  digest           CHAR(64)     NOT NULL,       -- hex SHA-256 of the payload's UTF-8 bytes
  payload          MEDIUMTEXT   NOT NULL,       -- the response as JSON, byte for byte as sent
  saved_at         DATETIME(3)  NOT NULL,
  PRIMARY KEY (attempt_id, item_identifier),
  CONSTRAINT fk_response_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The signed receipts of an attempt, one per accepted save (Receipt, ReceiptChain).
CREATE TABLE attempt_receipt (
  attempt_id        CHAR(36)     NOT NULL,
  sequence          BIGINT       NOT NULL,
  item_identifier   VARCHAR(200) NOT NULL,
  response_digest   CHAR(64)     NOT NULL,
  response_version  BIGINT       NOT NULL,
  server_time       DATETIME(3)  NOT NULL,
  previous_hash     CHAR(64)     NOT NULL,
  hash              CHAR(64)     NOT NULL,
  signature         VARCHAR(100) NOT NULL,      -- base64 of the 64-byte Ed25519 signature
  PRIMARY KEY (attempt_id, sequence),
  CONSTRAINT uq_receipt_save UNIQUE (attempt_id, item_identifier, response_version),
  CONSTRAINT fk_receipt_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The platform's receipt signing key (ReceiptKeys: base64 X.509 public, base64 PKCS#8 private).
-- Created on first use; every instance signs with the active one.
CREATE TABLE signing_key (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  algorithm    VARCHAR(20)  NOT NULL,           -- Ed25519
  public_key   VARCHAR(200) NOT NULL,
  private_key  VARCHAR(200) NOT NULL,
  created_at   DATETIME(3)  NOT NULL,
  active       BOOLEAN      NOT NULL DEFAULT TRUE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
