package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.bank.BankItem;
import be.edusprong.lms.domain.bank.CategoryCount;
import be.edusprong.lms.domain.bank.ImportPreview;
import be.edusprong.lms.domain.bank.ImportResult;
import be.edusprong.lms.domain.bank.ItemBankService;
import be.edusprong.lms.domain.bank.PlannedItem;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The teacher's item bank page (leraar/vragenbank.xhtml; issue 3, points 2 and 8): upload one
 * item-bank file, read its fidelity report (status per question with line:column and messages, and
 * what the bank does with it), then import it as a whole ("Importeren", only when complete) or,
 * after an explicit confirmation, only its storable part ("Toch importeren: N vragen, M
 * geweigerd"); below, the bank's categories with their number of questions and the questions of the
 * chosen category ({@code ?categorie=...}).
 *
 * <p>The uploaded bytes stay in this view-scoped bean between the report and the import, so the
 * file imported is the file the teacher saw the report of; the report itself is rebuilt from them
 * when needed (it is not serializable).
 */
@Named
@ViewScoped
public class ItemBankPage implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Brussels"));

  @Inject ItemBankService bank;
  @Inject CurrentUser currentUser;

  private transient Part upload;
  private byte[] content;
  private String fileName;
  private boolean replaceExisting;
  private boolean confirmPartial;
  private String category;
  private transient ImportPreview preview;
  private transient List<CategoryCount> categories;
  private transient List<BankItem> items;

  /**
   * Reads the uploaded file and shows its report; writes nothing.
   *
   * @return null: the same page
   */
  public String check() {
    preview = null;
    content = null;
    confirmPartial = false;
    if (upload == null || upload.getSize() == 0) {
      Messages.error("bank-upload:file", "bank.noFile");
      return null;
    }
    if (upload.getSize() > ItemBankService.MAX_PACKAGE_BYTES) {
      Messages.error("bank-upload:file", "bank.tooLarge");
      return null;
    }
    try (InputStream in = upload.getInputStream()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      Messages.error("bank-upload:file", "bank.unreadable");
      return null;
    }
    fileName = baseName(upload.getSubmittedFileName());
    try {
      getPreview();
    } catch (DomainException e) {
      content = null;
      Messages.error(e);
    }
    return null;
  }

  /**
   * Imports the file of the report: as a whole, or its storable part when the teacher ticked the
   * confirmation. The service decides; this page only passes the choices on.
   *
   * @return null: the same page
   */
  public String importFile() {
    if (content == null) {
      Messages.error(null, "bank.noFile");
      return null;
    }
    try {
      ImportResult result =
          bank.importFile(
              currentUser.require().getId(), content, fileName, confirmPartial, replaceExisting);
      preview = result.preview();
      switch (result.outcome()) {
        case STORED -> {
          Messages.info(
              "bank.imported",
              result.preview().count(PlannedItem.Action.NEW),
              result.preview().count(PlannedItem.Action.REPLACE),
              fileName);
          content = null;
          preview = null;
          categories = null;
          items = null;
          confirmPartial = false;
        }
        case REFUSED -> Messages.error(null, "bank.refusedNothingStored");
        case NOT_CONFIRMED -> Messages.error(null, "bank.notConfirmed");
        case NOTHING_TO_STORE -> Messages.error(null, "bank.nothingToStore");
        default -> throw new IllegalStateException("unknown outcome " + result.outcome());
      }
    } catch (DomainException e) {
      Messages.error(e);
    }
    return null;
  }

  /** The report of the uploaded file, or null when there is none (yet, or after an import). */
  public ImportPreview getPreview() {
    if (preview == null && content != null) {
      preview = bank.preview(currentUser.require().getId(), content, fileName, replaceExisting);
    }
    return preview;
  }

  /** The bank's categories with their question counts. */
  public List<CategoryCount> getCategories() {
    if (categories == null) {
      categories = bank.categories(currentUser.require().getId());
    }
    return categories;
  }

  /** The questions of the chosen category; empty when none is chosen. */
  public List<BankItem> getItems() {
    if (items == null) {
      items = category == null ? List.of() : bank.items(currentUser.require().getId(), category);
    }
    return items;
  }

  /**
   * The label of the partial import button.
   *
   * @return e.g. "Toch importeren: 2 vragen, 1 geweigerd"; "" without a report
   */
  public String getPartialLabel() {
    ImportPreview p = getPreview();
    return p == null
        ? ""
        : Messages.text("bank.import.partialButton", p.storedCount(), p.notStoredCount());
  }

  /** A category path as shown: {@code "(geen categorie)"} for the empty path. */
  public String categoryLabel(String path) {
    return path == null || path.isEmpty() ? Messages.text("bank.noCategory") : path;
  }

  /** A moment as {@code dd/MM/yyyy HH:mm}, Brussels time. */
  public String format(java.time.Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }

  public Part getUpload() {
    return upload;
  }

  public void setUpload(Part upload) {
    this.upload = upload;
  }

  public String getFileName() {
    return fileName;
  }

  public boolean isReplaceExisting() {
    return replaceExisting;
  }

  public void setReplaceExisting(boolean replaceExisting) {
    this.replaceExisting = replaceExisting;
  }

  public boolean isConfirmPartial() {
    return confirmPartial;
  }

  public void setConfirmPartial(boolean confirmPartial) {
    this.confirmPartial = confirmPartial;
  }

  /** The chosen category (view parameter {@code categorie}), or null. */
  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
    this.items = null;
  }

  /** The last path segment of a submitted file name (some browsers send a full path). */
  static String baseName(String submitted) {
    if (submitted == null) {
      return "upload";
    }
    String name =
        submitted
            .substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1)
            .strip();
    return name.isEmpty() ? "upload" : name;
  }
}
