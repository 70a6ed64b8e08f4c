package be.edusprong.lms.domain.bank;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The log row of one import that stored questions (table {@code bank_import}): the file, the format
 * it was read as, the fidelity report's counts, what the bank did with the questions, whether the
 * teacher confirmed a partial import, who and when. Imports that stored nothing leave no row.
 */
@Entity
@Table(name = "bank_import")
public class BankImport {
  /** Longest file name kept; longer names are cut at the start (the end names the file). */
  public static final int MAX_FILE_NAME = 255;

  /** Longest summary of what was left out; longer summaries are cut. */
  public static final int MAX_SUMMARY = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "centre_id", nullable = false)
  private long centreId;

  @Column(name = "file_name", nullable = false, length = MAX_FILE_NAME)
  private String fileName;

  @Column(name = "file_bytes", nullable = false)
  private long fileBytes;

  @Column(name = "file_sha256", nullable = false, length = 64)
  private String fileSha256;

  @Column(nullable = false, length = 20)
  private String format;

  @Column(name = "imported_count", nullable = false)
  private int importedCount;

  @Column(name = "with_losses_count", nullable = false)
  private int withLossesCount;

  @Column(name = "rejected_count", nullable = false)
  private int rejectedCount;

  @Column(name = "not_stored_count", nullable = false)
  private int notStoredCount;

  @Column(name = "stored_count", nullable = false)
  private int storedCount;

  @Column(name = "replaced_count", nullable = false)
  private int replacedCount;

  @Column(name = "partial_confirmed", nullable = false)
  private boolean partialConfirmed;

  @Column(name = "replace_existing", nullable = false)
  private boolean replaceExisting;

  @Column(name = "kept_summary", length = MAX_SUMMARY)
  private String keptSummary;

  @Column(name = "imported_by", nullable = false)
  private long importedBy;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  protected BankImport() {}

  BankImport(
      long centreId,
      String fileName,
      long fileBytes,
      String fileSha256,
      String format,
      long importedBy,
      Instant importedAt,
      boolean partialConfirmed,
      boolean replaceExisting) {
    this.centreId = centreId;
    this.fileName =
        fileName.length() <= MAX_FILE_NAME
            ? fileName
            : fileName.substring(fileName.length() - MAX_FILE_NAME);
    this.fileBytes = fileBytes;
    this.fileSha256 = fileSha256;
    this.format = format;
    this.importedBy = importedBy;
    this.importedAt = importedAt;
    this.partialConfirmed = partialConfirmed;
    this.replaceExisting = replaceExisting;
  }

  void counts(int imported, int withLosses, int rejected, int notStored, int stored, int replaced) {
    this.importedCount = imported;
    this.withLossesCount = withLosses;
    this.rejectedCount = rejected;
    this.notStoredCount = notStored;
    this.storedCount = stored;
    this.replacedCount = replaced;
  }

  void summary(String summary) {
    this.keptSummary =
        summary == null || summary.length() <= MAX_SUMMARY
            ? summary
            : summary.substring(0, MAX_SUMMARY - 3) + "...";
  }

  public Long getId() {
    return id;
  }

  public long getCentreId() {
    return centreId;
  }

  /** The file name as uploaded (cut to its last {@value #MAX_FILE_NAME} characters). */
  public String getFileName() {
    return fileName;
  }

  /** The file's size in bytes. */
  public long getFileBytes() {
    return fileBytes;
  }

  /** SHA-256 of the file's bytes, 64 lowercase hex digits. */
  public String getFileSha256() {
    return fileSha256;
  }

  /** The format the file was read as: {@code BankFormat.id()}, e.g. {@code "moodle_xml"}. */
  public String getFormat() {
    return format;
  }

  /** Questions the report imported without loss. */
  public int getImportedCount() {
    return importedCount;
  }

  /** Questions the report imported with losses. */
  public int getWithLossesCount() {
    return withLossesCount;
  }

  /** Questions the report rejected (not stored). */
  public int getRejectedCount() {
    return rejectedCount;
  }

  /** Questions read but not stored: not storable yet, already in the bank, repeated identifier. */
  public int getNotStoredCount() {
    return notStoredCount;
  }

  /** New questions stored. */
  public int getStoredCount() {
    return storedCount;
  }

  /** Questions of the bank replaced by this import. */
  public int getReplacedCount() {
    return replacedCount;
  }

  /** Whether the teacher confirmed keeping only part of the file. */
  public boolean isPartialConfirmed() {
    return partialConfirmed;
  }

  /** Whether the teacher chose to replace questions already in the bank. */
  public boolean isReplaceExisting() {
    return replaceExisting;
  }

  /**
   * Which questions were left out and why, in English ({@code line:column identifier: reason;
   * ...}), or null when nothing was.
   */
  public String getKeptSummary() {
    return keptSummary;
  }

  public long getImportedBy() {
    return importedBy;
  }

  public Instant getImportedAt() {
    return importedAt;
  }
}
