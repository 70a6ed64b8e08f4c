package be.edusprong.lms.domain.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One xAPI 1.0.3 statement in the learning-record table, kept whole as JSON (so a Learning Record
 * Store can serve it as it is, xAPI 1.0.3 Part Three section 2.1) with indexed columns beside it.
 * Statements are immutable once stored (xAPI 1.0.3 Part Two section 2.1: "Statements are
 * immutable").
 */
@Entity
@Table(name = "learning_record")
public class LearningRecord {
  @Id
  @Column(name = "statement_id", length = 36)
  private String statementId;

  @Column(name = "actor_id", nullable = false)
  private long actorId;

  @Column(name = "verb_id", nullable = false, length = 200)
  private String verbId;

  @Column(name = "object_id", nullable = false, length = 500)
  private String objectId;

  @Column(name = "module_id")
  private Long moduleId;

  @Column(name = "unit_id")
  private Long unitId;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "stored_at", nullable = false)
  private Instant storedAt;

  @Lob
  @Column(nullable = false)
  private String statement;

  protected LearningRecord() {}

  LearningRecord(
      String statementId,
      long actorId,
      String verbId,
      String objectId,
      Long moduleId,
      Long unitId,
      Instant occurredAt,
      Instant storedAt,
      String statement) {
    this.statementId = statementId;
    this.actorId = actorId;
    this.verbId = verbId;
    this.objectId = objectId;
    this.moduleId = moduleId;
    this.unitId = unitId;
    this.occurredAt = occurredAt;
    this.storedAt = storedAt;
    this.statement = statement;
  }

  public String getStatementId() {
    return statementId;
  }

  public long getActorId() {
    return actorId;
  }

  public String getVerbId() {
    return verbId;
  }

  public String getObjectId() {
    return objectId;
  }

  public Long getModuleId() {
    return moduleId;
  }

  public Long getUnitId() {
    return unitId;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public Instant getStoredAt() {
    return storedAt;
  }

  /** The statement as xAPI JSON. */
  public String getStatement() {
    return statement;
  }
}
