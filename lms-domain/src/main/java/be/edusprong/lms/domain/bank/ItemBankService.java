package be.edusprong.lms.domain.bank;

import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.Importers;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.qti.PackageLimits;
import be.edusprong.lms.assessment.qti.QtiPackageImporter;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The item bank of a teacher's centre (issue 3, points 2 and 8): preview an item-bank file (the
 * fidelity report and what the bank would do with each question), import it all or nothing, or
 * partially when the teacher confirmed after seeing the report ("By default a file imports all or
 * nothing; a teacher may confirm a partial import after seeing the report."), and list the bank by
 * category.
 *
 * <p>Every method takes the acting teacher's account id: only an active account with the {@link
 * Role#TEACHER} role may use the bank, and only the bank of its own centre ({@code
 * error.bank.notTeacher} otherwise). File limits are those of the {@code lms-items} command line:
 * {@value #MAX_FILE_BYTES} bytes (20 MiB) for a file, {@value #MAX_PACKAGE_BYTES} bytes (200 MiB)
 * for a ZIP content package; a larger file gets a refused report, like any file that is no item
 * bank.
 */
@ApplicationScoped
@Transactional
public class ItemBankService {
  /** The largest item-bank file read, in bytes (20 MiB; as {@code LmsItems.MAX_BYTES}). */
  public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

  /** The largest ZIP content package read, in bytes (200 MiB; {@link PackageLimits#DEFAULT}). */
  public static final long MAX_PACKAGE_BYTES = PackageLimits.DEFAULT.maxTotalBytes();

  private static final int IN_CHUNK = 500;

  @Inject EntityManager em;
  @Inject Clock clock;

  /**
   * Reads a file and says what importing it would do, writing nothing.
   *
   * @param teacherId the acting teacher
   * @param content the file's bytes
   * @param fileName the file's name as uploaded (for the report); blank becomes {@code "upload"}
   * @return the report and one {@link PlannedItem} per question of the report, in file order; a
   *     refused report for a file over the limits, not UTF-8, or no item bank
   * @throws DomainException {@code error.bank.notTeacher} when the account is no active teacher;
   *     {@code error.bank.noFile} when there is no content
   */
  public ImportPreview preview(long teacherId, byte[] content, String fileName) {
    return preview(teacherId, content, fileName, false);
  }

  /**
   * Reads a file and says what importing it with or without "replace" would do, writing nothing.
   *
   * @param teacherId the acting teacher
   * @param content the file's bytes
   * @param fileName the file's name as uploaded
   * @param replaceExisting whether questions the bank has would be replaced ({@link
   *     PlannedItem.Action#REPLACE}) or left alone ({@link PlannedItem.Action#CONFLICT})
   * @return as {@link #preview(long, byte[], String)}
   * @throws DomainException as {@link #preview(long, byte[], String)}
   */
  public ImportPreview preview(
      long teacherId, byte[] content, String fileName, boolean replaceExisting) {
    UserAccount teacher = teacher(teacherId);
    return plan(teacher.getCentre().getId(), read(content, fileName), replaceExisting);
  }

  /**
   * Imports a file into the teacher's centre's bank: all or nothing by default.
   *
   * <ul>
   *   <li>a refused file writes nothing ({@link ImportResult.Outcome#REFUSED});
   *   <li>when any question would not be stored (rejected by the importer, not storable yet, an
   *       identifier repeated in the file, or one the bank has while {@code replaceExisting} is
   *       false) nothing is written unless {@code confirmPartial} ({@link
   *       ImportResult.Outcome#NOT_CONFIRMED}); with it exactly the storable questions are written
   *       and the log row says what was left out and why;
   *   <li>with {@code replaceExisting} a question whose identifier the bank has replaces it (its
   *       version goes up by one); without it, that question is not stored;
   *   <li>a file of which no question can be stored writes nothing ({@link
   *       ImportResult.Outcome#NOTHING_TO_STORE}).
   * </ul>
   *
   * @param teacherId the acting teacher
   * @param content the file's bytes
   * @param fileName the file's name as uploaded
   * @param confirmPartial the teacher saw the report and confirmed keeping only the storable part
   * @param replaceExisting the teacher chose to replace questions the bank already has
   * @return what was done, with the plan per question and, when stored, the log row's id
   * @throws DomainException {@code error.bank.notTeacher}; {@code error.bank.noFile}
   */
  public ImportResult importFile(
      long teacherId,
      byte[] content,
      String fileName,
      boolean confirmPartial,
      boolean replaceExisting) {
    UserAccount teacher = teacher(teacherId);
    long centreId = teacher.getCentre().getId();
    FidelityReport report = read(content, fileName);
    ImportPreview preview = plan(centreId, report, replaceExisting);
    if (preview.refused()) {
      return new ImportResult(ImportResult.Outcome.REFUSED, preview, null);
    }
    if (preview.storedCount() == 0) {
      return new ImportResult(ImportResult.Outcome.NOTHING_TO_STORE, preview, null);
    }
    if (!preview.complete() && !confirmPartial) {
      return new ImportResult(ImportResult.Outcome.NOT_CONFIRMED, preview, null);
    }
    BankImport log =
        new BankImport(
            centreId,
            report.fileName(),
            content.length,
            sha256(content),
            report.format().id(),
            teacherId,
            clock.instant(),
            !preview.complete(),
            replaceExisting);
    log.counts(
        report.importedCount(),
        report.importedWithLossesCount(),
        report.rejectedCount(),
        preview.notStoredCount() - report.rejectedCount(),
        preview.count(PlannedItem.Action.NEW),
        preview.count(PlannedItem.Action.REPLACE));
    log.summary(leftOut(preview));
    em.persist(log);
    em.flush();
    for (PlannedItem planned : preview.items()) {
      if (planned.action() == PlannedItem.Action.NEW) {
        BankItem item = new BankItem(centreId, planned.identifier());
        item.store(planned, log);
        em.persist(item);
      } else if (planned.action() == PlannedItem.Action.REPLACE) {
        BankItem item =
            em.createQuery(
                    "SELECT b FROM BankItem b WHERE b.centreId = :c AND b.identifier = :i",
                    BankItem.class)
                .setParameter("c", centreId)
                .setParameter("i", planned.identifier())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResult();
        item.store(planned, log);
      }
    }
    em.flush();
    return new ImportResult(ImportResult.Outcome.STORED, preview, log.getId());
  }

  /**
   * The categories of the teacher's centre's bank with their number of questions.
   *
   * @param teacherId the acting teacher
   * @return by category path, alphabetically ({@code ""} first when there are questions without a
   *     category); empty for an empty bank
   * @throws DomainException {@code error.bank.notTeacher}
   */
  public List<CategoryCount> categories(long teacherId) {
    long centreId = teacher(teacherId).getCentre().getId();
    return em
        .createQuery(
            "SELECT b.category, COUNT(b) FROM BankItem b WHERE b.centreId = :c"
                + " GROUP BY b.category ORDER BY b.category",
            Object[].class)
        .setParameter("c", centreId)
        .getResultList()
        .stream()
        .map(r -> new CategoryCount((String) r[0], ((Number) r[1]).longValue()))
        .toList();
  }

  /**
   * The questions of one category of the teacher's centre's bank.
   *
   * @param teacherId the acting teacher
   * @param category the category path, exactly as {@link #categories} gives it
   * @return by the import that wrote their current version, then by line in its file; empty for an
   *     unknown category
   * @throws DomainException {@code error.bank.notTeacher}
   */
  public List<BankItem> items(long teacherId, String category) {
    long centreId = teacher(teacherId).getCentre().getId();
    return em.createQuery(
            "SELECT b FROM BankItem b WHERE b.centreId = :c AND b.category = :k"
                + " ORDER BY b.importId, b.sourceLine, b.id",
            BankItem.class)
        .setParameter("c", centreId)
        .setParameter("k", category == null ? "" : category)
        .getResultList();
  }

  /**
   * The imports into the teacher's centre's bank, newest first.
   *
   * @param teacherId the acting teacher
   * @param max the most rows returned, at least 1
   * @return the log rows
   * @throws DomainException {@code error.bank.notTeacher}
   */
  public List<BankImport> imports(long teacherId, int max) {
    long centreId = teacher(teacherId).getCentre().getId();
    return em.createQuery(
            "SELECT i FROM BankImport i WHERE i.centreId = :c ORDER BY i.importedAt DESC, i.id DESC",
            BankImport.class)
        .setParameter("c", centreId)
        .setMaxResults(Math.max(1, max))
        .getResultList();
  }

  private UserAccount teacher(long teacherId) {
    UserAccount account = em.find(UserAccount.class, teacherId);
    if (account == null || !account.isActive() || !account.hasRole(Role.TEACHER)) {
      throw new DomainException(
          "error.bank.notTeacher", "account " + teacherId + " is no active teacher");
    }
    return account;
  }

  /** The report, or a refusal for a file over the limits. */
  static FidelityReport read(byte[] content, String fileName) {
    if (content == null) {
      throw new DomainException("error.bank.noFile", "no file content");
    }
    String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
    boolean zip = QtiPackageImporter.isZip(content);
    long limit = zip ? MAX_PACKAGE_BYTES : MAX_FILE_BYTES;
    if (content.length > limit) {
      return FidelityReport.refused(
          name,
          BankFormat.UNKNOWN,
          "the file is larger than "
              + (limit / (1024 * 1024))
              + " MiB"
              + (zip ? "" : " (a ZIP content package may be up to 200 MiB)"));
    }
    return Importers.importBytes(content, name);
  }

  private ImportPreview plan(long centreId, FidelityReport report, boolean replaceExisting) {
    Map<String, Integer> existing = existingVersions(centreId, report.items());
    Set<String> seen = new HashSet<>();
    List<PlannedItem> planned = new ArrayList<>(report.outcomes().size());
    for (ItemOutcome outcome : report.outcomes()) {
      Item item = outcome.item();
      if (outcome.status() == ImportStatus.REJECTED) {
        planned.add(
            new PlannedItem(
                outcome.status(),
                outcome.line(),
                outcome.column(),
                null,
                null,
                null,
                null,
                outcome.messages(),
                PlannedItem.Action.REJECTED,
                null,
                null,
                null,
                0));
        continue;
      }
      String id = item.identifier();
      PlannedItem.Action action;
      String problem = null;
      BankStorage.Decision decision = null;
      int version = existing.getOrDefault(id, 0);
      if (id.length() > BankItem.MAX_IDENTIFIER) {
        action = PlannedItem.Action.NOT_STORABLE;
        problem = "the identifier is longer than " + BankItem.MAX_IDENTIFIER + " characters";
      } else if (item.category().length() > BankItem.MAX_CATEGORY) {
        action = PlannedItem.Action.NOT_STORABLE;
        problem = "the category path is longer than " + BankItem.MAX_CATEGORY + " characters";
      } else if (!seen.add(id)) {
        action = PlannedItem.Action.DUPLICATE;
        problem = "an earlier question of this file has the identifier '" + id + "'";
      } else {
        decision = BankStorage.decide(item);
        if (!decision.storable()) {
          action = PlannedItem.Action.NOT_STORABLE;
          problem = decision.problem();
        } else if (version == 0) {
          action = PlannedItem.Action.NEW;
        } else if (replaceExisting) {
          action = PlannedItem.Action.REPLACE;
        } else {
          action = PlannedItem.Action.CONFLICT;
          problem =
              "the bank already has '"
                  + id
                  + "' (version "
                  + version
                  + "); choose replace to overwrite it";
        }
      }
      boolean stores = action == PlannedItem.Action.NEW || action == PlannedItem.Action.REPLACE;
      planned.add(
          new PlannedItem(
              outcome.status(),
              outcome.line(),
              outcome.column(),
              id,
              item.type().name(),
              item.displayTitle(),
              item.category(),
              outcome.messages(),
              action,
              stores ? decision.format() : null,
              stores ? decision.source() : null,
              problem,
              action == PlannedItem.Action.REPLACE || action == PlannedItem.Action.CONFLICT
                  ? version
                  : 0));
    }
    return new ImportPreview(report, planned);
  }

  private Map<String, Integer> existingVersions(long centreId, List<Item> items) {
    List<String> ids =
        items.stream()
            .map(Item::identifier)
            .filter(i -> i.length() <= BankItem.MAX_IDENTIFIER)
            .distinct()
            .toList();
    Map<String, Integer> versions = new HashMap<>();
    for (int from = 0; from < ids.size(); from += IN_CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
      em.createQuery(
              "SELECT b.identifier, b.version FROM BankItem b"
                  + " WHERE b.centreId = :c AND b.identifier IN :ids",
              Object[].class)
          .setParameter("c", centreId)
          .setParameter("ids", chunk)
          .getResultList()
          .forEach(r -> versions.put((String) r[0], ((Number) r[1]).intValue()));
    }
    return versions;
  }

  private static String leftOut(ImportPreview preview) {
    List<String> parts = new ArrayList<>();
    for (PlannedItem p : preview.items()) {
      if (!p.stores()) {
        String why = p.problem() != null ? p.problem() : String.join("; ", p.messages());
        parts.add(
            p.position()
                + (p.identifier() == null ? "" : " " + p.identifier())
                + " "
                + p.action()
                + ": "
                + why);
      }
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
