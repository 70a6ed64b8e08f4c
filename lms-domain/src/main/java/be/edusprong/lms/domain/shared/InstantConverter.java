package be.edusprong.lms.domain.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Maps {@link Instant} attributes to {@code DATETIME(3)} columns. JPA 3.1 has no mapping for {@code
 * Instant} (it arrives in JPA 3.2), and EclipseLink 4.0 would otherwise serialize it. Values are
 * written and read in the JVM's zone through {@link Timestamp}, which keeps the instant.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {
  @Override
  public Timestamp convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  @Override
  public Instant convertToEntityAttribute(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
