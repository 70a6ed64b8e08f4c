package be.edusprong.lms.domain.centre;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * A centre (CVO or CBE) hosted on the platform. Every account, course and module belongs to one;
 * staff see only their own centre.
 */
@Entity
@Table(name = "centre")
public class Centre {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String code;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private CentreKind kind;

  @Column(nullable = false)
  private boolean active = true;

  protected Centre() {}

  /**
   * @param code short stable code, e.g. {@code cvo-demo}
   * @param name display name
   * @param kind CVO or CBE
   */
  public Centre(String code, String name, CentreKind kind) {
    this.code = Objects.requireNonNull(code, "code");
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public CentreKind getKind() {
    return kind;
  }

  public boolean isActive() {
    return active;
  }
}
