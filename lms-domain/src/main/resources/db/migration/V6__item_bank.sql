-- The item bank of a centre (issue 3, points 2 and 8): questions teachers imported from GIFT,
-- Aiken, Moodle XML and QTI files, each kept as a source that parses back to the same item, and a
-- log row per import. A file imports all or nothing; a partial import is stored only when the
-- teacher confirmed it after seeing the fidelity report (partial_confirmed).

-- One import that stored questions: the file, the format it was read as, the report's counts, what
-- the bank did with them, who and when. Imports that stored nothing (refused, not confirmed) leave
-- no row: nothing is written for them.
CREATE TABLE bank_import (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  centre_id            BIGINT        NOT NULL,
  file_name            VARCHAR(255)  NOT NULL,
  file_bytes           BIGINT        NOT NULL,
  file_sha256          CHAR(64)      NOT NULL,
  format               VARCHAR(20)   NOT NULL,  -- BankFormat.id(): gift, aiken, moodle_xml, ...
  imported_count       INT           NOT NULL,  -- report: IMPORTED
  with_losses_count    INT           NOT NULL,  -- report: IMPORTED_WITH_LOSSES
  rejected_count       INT           NOT NULL,  -- report: REJECTED
  not_stored_count     INT           NOT NULL,  -- read but not stored: not storable yet, already in
                                                -- the bank (no replace), or a repeated identifier
  stored_count         INT           NOT NULL,  -- new questions stored
  replaced_count       INT           NOT NULL,  -- existing questions replaced (replace_existing)
  partial_confirmed    BOOLEAN       NOT NULL,  -- the teacher confirmed keeping only part of it
  replace_existing     BOOLEAN       NOT NULL,
  kept_summary         VARCHAR(2000) NULL,      -- which questions were left out and why (English)
  imported_by          BIGINT        NOT NULL,
  imported_at          DATETIME(3)   NOT NULL,
  KEY ix_bank_import_centre (centre_id, imported_at),
  CONSTRAINT fk_bank_import_centre FOREIGN KEY (centre_id) REFERENCES centre (id),
  CONSTRAINT fk_bank_import_user FOREIGN KEY (imported_by) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One question of a centre's bank. The identifier is unique per centre (not per category): an
-- assessment names its questions by identifier, so one assessment can draw from several categories
-- without two questions answering to one name. category: the report's Item.category() as written
-- ('' for none; Moodle paths such as '$course$/top/Wachtwoorden/Sterk'). source_format: 'gift'
-- (GiftWriter output) or 'qti3' (a QTI 3.0 qti-assessment-item), the names delivery's ItemSources
-- reads, or 'json' (the platform's own lossless form, ItemJson). version starts
-- at 1 and grows on each replacing import; replaced_at is the last such import.
CREATE TABLE bank_item (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  centre_id        BIGINT        NOT NULL,
  category         VARCHAR(500)  NOT NULL,
  identifier       VARCHAR(200)  NOT NULL,
  item_type        VARCHAR(20)   NOT NULL,
  title            VARCHAR(200)  NOT NULL,
  source_format    VARCHAR(10)   NOT NULL,
  source           MEDIUMTEXT    NOT NULL,
  source_file      VARCHAR(255)  NOT NULL,
  source_line      INT           NOT NULL,
  import_id        BIGINT        NOT NULL,
  imported_by      BIGINT        NOT NULL,
  imported_at      DATETIME(3)   NOT NULL,
  version          INT           NOT NULL DEFAULT 1,
  replaced_at      DATETIME(3)   NULL,
  CONSTRAINT uq_bank_item UNIQUE (centre_id, identifier),
  KEY ix_bank_item_category (centre_id, category(250)),
  CONSTRAINT fk_bank_item_centre FOREIGN KEY (centre_id) REFERENCES centre (id),
  CONSTRAINT fk_bank_item_import FOREIGN KEY (import_id) REFERENCES bank_import (id),
  CONSTRAINT fk_bank_item_user FOREIGN KEY (imported_by) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
