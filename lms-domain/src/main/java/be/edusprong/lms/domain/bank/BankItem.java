package be.edusprong.lms.domain.bank;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One question of a centre's item bank (table {@code bank_item}), kept as a source that parses back
 * to the imported item ({@link BankStorage#parse}). Its identifier is unique within the centre. A
 * replacing import writes a new source and raises {@link #getVersion()}.
 */
@Entity
@Table(name = "bank_item")
public class BankItem {
  /** Longest category path, as the column allows. */
  public static final int MAX_CATEGORY = 500;

  /** Longest identifier, as the column allows (the same as assessment items). */
  public static final int MAX_IDENTIFIER = 200;

  /** Longest title kept; longer titles are cut. */
  public static final int MAX_TITLE = 200;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "centre_id", nullable = false)
  private long centreId;

  @Column(nullable = false, length = MAX_CATEGORY)
  private String category;

  @Column(nullable = false, length = MAX_IDENTIFIER)
  private String identifier;

  @Column(name = "item_type", nullable = false, length = 20)
  private String itemType;

  @Column(nullable = false, length = MAX_TITLE)
  private String title;

  @Column(name = "source_format", nullable = false, length = 10)
  private String sourceFormat;

  @Lob
  @Column(nullable = false)
  private String source;

  @Column(name = "source_file", nullable = false, length = BankImport.MAX_FILE_NAME)
  private String sourceFile;

  @Column(name = "source_line", nullable = false)
  private int sourceLine;

  @Column(name = "import_id", nullable = false)
  private long importId;

  @Column(name = "imported_by", nullable = false)
  private long importedBy;

  @Column(name = "imported_at", nullable = false)
  private Instant importedAt;

  @Column(nullable = false)
  private int version;

  @Column(name = "replaced_at")
  private Instant replacedAt;

  protected BankItem() {}

  BankItem(long centreId, String identifier) {
    this.centreId = centreId;
    this.identifier = identifier;
    this.version = 0;
  }

  /**
   * Writes a (new) source: the first version, or a replacement that raises the version.
   *
   * @param planned the planned question, storable
   * @param log the import it comes from
   */
  void store(PlannedItem planned, BankImport log) {
    boolean replacing = version > 0;
    this.category = planned.category();
    this.itemType = planned.type();
    this.title =
        planned.title().length() <= MAX_TITLE
            ? planned.title()
            : planned.title().substring(0, MAX_TITLE - 3) + "...";
    this.sourceFormat = planned.storedFormat();
    this.source = planned.storedSource();
    this.sourceFile = log.getFileName();
    this.sourceLine = planned.line();
    this.importId = log.getId();
    this.importedBy = log.getImportedBy();
    this.importedAt = log.getImportedAt();
    this.version = version + 1;
    this.replacedAt = replacing ? log.getImportedAt() : null;
  }

  public Long getId() {
    return id;
  }

  public long getCentreId() {
    return centreId;
  }

  /** The category path as the file gave it ({@code Item.category()}); {@code ""} for none. */
  public String getCategory() {
    return category;
  }

  /** Unique within the centre's bank. */
  public String getIdentifier() {
    return identifier;
  }

  /** An {@code ItemType} name, e.g. {@code CHOICE_SINGLE}. */
  public String getItemType() {
    return itemType;
  }

  /** The title to show in lists (the report's title), at most {@value #MAX_TITLE} characters. */
  public String getTitle() {
    return title;
  }

  /** {@link BankStorage#GIFT}, {@link BankStorage#QTI3} or {@link BankStorage#JSON}. */
  public String getSourceFormat() {
    return sourceFormat;
  }

  /** The source, in {@link #getSourceFormat()}. */
  public String getSource() {
    return source;
  }

  /** The name of the file it was (last) imported from. */
  public String getSourceFile() {
    return sourceFile;
  }

  /** The 1-based line of the question in that file. */
  public int getSourceLine() {
    return sourceLine;
  }

  /** The {@link BankImport} that wrote this version. */
  public long getImportId() {
    return importId;
  }

  public long getImportedBy() {
    return importedBy;
  }

  /** When this version was imported. */
  public Instant getImportedAt() {
    return importedAt;
  }

  /** 1 for the first import, one more for each replacement. */
  public int getVersion() {
    return version;
  }

  /** When the last replacement was imported, or null when never replaced. */
  public Instant getReplacedAt() {
    return replacedAt;
  }
}
