package be.edusprong.lms.assessment.qti;

import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.TextFormat;
import be.edusprong.lms.assessment.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the IEEE LOM metadata of one manifest {@code <resource>} says about its item (IEEE
 * 1484.12.1-2002; the QTI 3.0 and QTI 2.1 packages carry it in the resource's {@code
 * <metadata><lom>}, IMS MD 1.2 {@code langstring} accepted as well as LOM {@code string}), read
 * back by {@link QtiPackageImporter} as {@link Qti3PackageWriter} writes it:
 *
 * <ul>
 *   <li>{@code general/keyword}: one tag each, as written, in document order (any package);
 *   <li>{@code classification} with purpose {@code discipline}: the {@code taxon/entry} of its
 *       first {@code taxonPath}, in order, as the category path ({@link
 *       Qti3PackageWriter#category(List)}; any package);
 *   <li>{@code general/description} {@code "source text format: <gift name>"} (our packages): the
 *       format the stem was written in ({@link TextFormat#fromGiftName(String)}); LOM has no
 *       vocabulary for a source markup, so a description is the place. Only reported: the package
 *       holds the HTML, not the text in that format;
 *   <li>{@code general/identifier} with catalog {@code edusprong}: the model identifier the item
 *       had before it was made a QTI identifier.
 * </ul>
 *
 * @param category the category path; null when the metadata has no discipline classification
 * @param tags the keywords, in order; empty when none
 * @param sourceFormat the source text format named; null when none is named
 * @param identifier the original identifier (catalog {@code edusprong}); null when none
 */
record ResourceMetadata(
    String category, List<String> tags, TextFormat sourceFormat, String identifier) {

  /** The LOM catalog of the identifiers {@link Qti3PackageWriter} writes. */
  static final String CATALOG = "edusprong";

  /** What the description naming the source text format starts with. */
  static final String FORMAT_PREFIX = "source text format: ";

  /** Metadata that says nothing. */
  static final ResourceMetadata NONE = new ResourceMetadata(null, List.of(), null, null);

  ResourceMetadata {
    tags = List.copyOf(tags);
  }

  /**
   * Reads the LOM of a manifest resource.
   *
   * @param resource the {@code <resource>} element, or null
   * @return what it says; {@link #NONE} when it has no {@code metadata/lom}
   */
  static ResourceMetadata of(XmlElement resource) {
    XmlElement metadata = resource == null ? null : resource.child("metadata");
    XmlElement lom = metadata == null ? null : metadata.child("lom");
    if (lom == null) {
      return NONE;
    }
    List<String> tags = new ArrayList<>();
    TextFormat format = null;
    String identifier = null;
    XmlElement general = lom.child("general");
    if (general != null) {
      for (XmlElement keyword : general.all("keyword")) {
        for (String s : strings(keyword)) {
          if (!s.isEmpty()) {
            tags.add(s);
          }
        }
      }
      for (XmlElement description : general.all("description")) {
        for (String s : strings(description)) {
          if (s.startsWith(FORMAT_PREFIX)) {
            format =
                TextFormat.fromGiftName(
                        s.substring(FORMAT_PREFIX.length()).strip().toLowerCase(Locale.ROOT))
                    .orElse(format);
          }
        }
      }
      for (XmlElement id : general.all("identifier")) {
        XmlElement catalog = id.child("catalog");
        XmlElement entry = id.child("entry");
        if (catalog != null
            && entry != null
            && CATALOG.equals(catalog.textContent().strip())
            && !entry.textContent().isBlank()) {
          identifier = entry.textContent();
        }
      }
    }
    return new ResourceMetadata(category(lom), tags, format, identifier);
  }

  /** The taxon entries of the first discipline classification, as a path; or null. */
  private static String category(XmlElement lom) {
    for (XmlElement classification : lom.all("classification")) {
      XmlElement purpose = classification.child("purpose");
      XmlElement value = purpose == null ? null : purpose.child("value");
      if (value == null || !value.textContent().strip().equals("discipline")) {
        continue;
      }
      XmlElement path = classification.child("taxonPath");
      if (path == null) {
        continue;
      }
      List<String> levels = new ArrayList<>();
      for (XmlElement taxon : path.all("taxon")) {
        XmlElement entry = taxon.child("entry");
        List<String> s = entry == null ? List.of() : strings(entry);
        levels.add(s.isEmpty() ? "" : s.get(0));
      }
      if (!levels.isEmpty()) {
        return Qti3PackageWriter.category(levels);
      }
    }
    return null;
  }

  /** The texts of a LOM LangString: its {@code string} (LOM) or {@code langstring} (IMS MD). */
  private static List<String> strings(XmlElement langString) {
    List<String> out = new ArrayList<>();
    for (XmlElement s : langString.children()) {
      if (s.name.equals("string") || s.name.equals("langstring")) {
        out.add(s.textContent());
      }
    }
    return out;
  }

  /**
   * The item with what this metadata says: category and tags when given, the original identifier
   * when given.
   *
   * @param item an imported item
   * @return the item, changed only where the metadata speaks
   */
  Item applyTo(Item item) {
    if (category == null && tags.isEmpty() && identifier == null) {
      return item;
    }
    return item.withLabels(
        identifier != null ? identifier : item.identifier(),
        category != null ? category : item.category(),
        tags.isEmpty() ? item.tags() : tags);
  }
}
