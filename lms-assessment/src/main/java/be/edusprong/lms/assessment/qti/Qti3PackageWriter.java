package be.edusprong.lms.assessment.qti;

import be.edusprong.lms.assessment.item.Item;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a list of {@link Item}s as a QTI 3.0 content package: a ZIP holding {@code
 * imsmanifest.xml} (IMS Content Packaging 1.1 as profiled by 1EdTech QTI 3.0, "Packaging QTI
 * content"; namespace {@value #CP_NS}, metadata schema {@code QTI Package} version {@code 3.0.0} as
 * in the 1EdTech QTI 3.0 package examples) and one item document per item, {@code items/<file-safe
 * identifier>.xml}, written by {@link Qti3Writer}.
 *
 * <p><b>Manifest.</b> One {@code <resource>} per item, in list order, of type {@value #ITEM_TYPE},
 * {@code identifier} {@code RES-} + the file name stem, {@code href} and one {@code <file>} naming
 * the item document. Its {@code <metadata>} holds IEEE LOM ({@value #LOM_NS}): {@code
 * general/identifier} (catalog {@code edusprong}, entry the model identifier, unchanged), {@code
 * general/title}, one {@code general/keyword} per tag, {@code general/description} naming the
 * source text format ({@code "source text format: markdown"}; LOM has no vocabulary for the markup
 * a text was written in, so a description says it), and the category as a {@code classification}
 * (purpose {@code discipline}) whose {@code taxonPath} (source {@code edusprong category}) has one
 * {@code taxon} per level ({@link #categoryLevels(String)}). These are the places LOM has for them;
 * {@link QtiPackageImporter} reads them back ({@code ResourceMetadata}): category, tags and the
 * original identifier exactly.
 *
 * <p><b>Identifiers.</b> Each item document's {@code identifier} is {@link
 * Qti3Writer#qtiIdentifier(String)} of the item's, made unique in the package with {@code -2},
 * {@code -3}, ... ({@link #qtiIdentifiers(List)}); a changed identifier is a loss, while the LOM
 * {@code general/identifier} keeps the original.
 *
 * <p><b>File names.</b> The identifier with every character outside {@code [A-Za-z0-9_.-]} replaced
 * by {@code _}, at most 80 characters; when two items would share a name (case-insensitively, for
 * Windows and macOS file systems) the later one gets {@code -2}, {@code -3}, ...
 *
 * <p><b>Deterministic.</b> The same items give the same bytes: entries in a fixed order (manifest,
 * then items in list order), every entry time 1980-01-01 00:00 (DOS time, no time zone), no
 * comments, no extra fields, the manifest identifier derived from the items' identifiers.
 *
 * <p><b>Refusals and losses.</b> {@link #write(List)} refuses, like {@link Qti3Writer}, an item
 * that is not exportable ({@link #notExportable(List)}); {@link #losses(List)} names what the
 * package loses, per item (the category, tags and source format are kept in the manifest, so they
 * are no loss here). Thread-safe and stateless.
 */
public final class Qti3PackageWriter {

  /** The content packaging namespace of QTI 3.0 packages. */
  public static final String CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";

  /** The IEEE LOM namespace used in QTI 3.0 package metadata. */
  public static final String LOM_NS = "http://ltsc.ieee.org/xsd/LOM";

  /** The resource type of a QTI 3.0 item. */
  public static final String ITEM_TYPE = "imsqti_item_xmlv3p0";

  private static final String CP_SCHEMA_LOCATION =
      CP_NS
          + " https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd "
          + LOM_NS
          + " https://purl.imsglobal.org/spec/md/v1p3/schema/xsd/imsmd_loose_v1p3p2.xsd";

  /** 1980-01-01 00:00, the earliest time a ZIP (DOS) date can hold. */
  private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

  /**
   * Writes the items as a ZIP content package.
   *
   * @param items the items, in package order; may be empty (a manifest without resources)
   * @return the ZIP bytes
   * @throws IllegalArgumentException when an item is not exportable; the message lists {@link
   *     #notExportable(List)}
   */
  public byte[] write(List<Item> items) {
    Objects.requireNonNull(items, "items");
    List<String> problems = notExportable(items);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    List<String> files = fileNames(items);
    List<String> ids = qtiIdentifiers(items);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, QtiPackageImporter.MANIFEST, manifest(items, files));
      for (int i = 0; i < items.size(); i++) {
        entry(zip, files.get(i), Qti3Writer.render(items.get(i), ids.get(i)).xml());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The items that cannot be written, each with the reason ({@link Qti3Writer#notExportable}).
   *
   * @param items the items
   * @return the messages in list order; empty when all can be written
   */
  public static List<String> notExportable(List<Item> items) {
    return Qti3Writer.notExportable(items);
  }

  /**
   * What the package loses of the items ({@link Qti3Writer#losses(Item)} without the metadata the
   * manifest keeps).
   *
   * @param items the exportable items
   * @return one message per loss, items in list order
   * @throws IllegalArgumentException when an item is not exportable
   */
  public static List<String> losses(List<Item> items) {
    List<String> out = new ArrayList<>();
    List<String> ids = qtiIdentifiers(items);
    for (int i = 0; i < items.size(); i++) {
      out.addAll(Qti3Writer.render(items.get(i), ids.get(i)).losses());
    }
    return out;
  }

  /**
   * The {@code identifier} of each item document: {@link Qti3Writer#qtiIdentifier(String)}, and
   * {@code -2}, {@code -3}, ... after it when an earlier item has it already (a loss, reported).
   *
   * @param items the items
   * @return one identifier per item, in list order, unique
   */
  public static List<String> qtiIdentifiers(List<Item> items) {
    List<String> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Item item : items) {
      String base = Qti3Writer.qtiIdentifier(item.identifier());
      String id = base;
      for (int n = 2; !taken.add(id); n++) {
        id = base + "-" + n;
      }
      out.add(id);
    }
    return out;
  }

  /**
   * The package path of each item document: {@code items/<safe identifier>.xml}, unique.
   *
   * @param items the items
   * @return one path per item, in list order
   */
  public static List<String> fileNames(List<Item> items) {
    List<String> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (Item item : items) {
      String base = item.identifier().replaceAll("[^A-Za-z0-9_.\\-]", "_");
      if (base.length() > 80) {
        base = base.substring(0, 80);
      }
      if (base.isEmpty() || base.startsWith(".")) {
        base = "item" + base;
      }
      String name = base;
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base + "-" + n;
      }
      out.add("items/" + name + ".xml");
    }
    return out;
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    ZipEntry e = new ZipEntry(name);
    // A DOS date and time only (no extended timestamp field), the same in every time zone.
    e.setTimeLocal(EPOCH);
    zip.putNextEntry(e);
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String manifest(List<Item> items, List<String> files) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.setDefaultNamespace(CP_NS);
      w.setPrefix("imsmd", LOM_NS);
      w.setPrefix("xsi", Qti3Writer.XSI);
      w.writeStartElement(CP_NS, "manifest");
      w.writeDefaultNamespace(CP_NS);
      w.writeNamespace("imsmd", LOM_NS);
      w.writeNamespace("xsi", Qti3Writer.XSI);
      w.writeAttribute(Qti3Writer.XSI, "schemaLocation", CP_SCHEMA_LOCATION);
      w.writeAttribute("identifier", "MANIFEST-" + digest(items));
      w.writeStartElement("metadata");
      text(w, CP_NS, "schema", "QTI Package");
      text(w, CP_NS, "schemaversion", "3.0.0");
      w.writeEndElement();
      w.writeEmptyElement("organizations");
      w.writeStartElement("resources");
      for (int i = 0; i < items.size(); i++) {
        Item item = items.get(i);
        String file = files.get(i);
        String stem = file.substring("items/".length(), file.length() - ".xml".length());
        w.writeStartElement("resource");
        w.writeAttribute("identifier", Qti3Writer.qtiIdentifier("RES-" + stem));
        w.writeAttribute("type", ITEM_TYPE);
        w.writeAttribute("href", file);
        lom(w, item);
        w.writeEmptyElement("file");
        w.writeAttribute("href", file);
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("manifest: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static void lom(XMLStreamWriter w, Item item) throws XMLStreamException {
    w.writeStartElement("metadata");
    w.writeStartElement(LOM_NS, "lom");
    w.writeStartElement(LOM_NS, "general");
    w.writeStartElement(LOM_NS, "identifier");
    text(w, LOM_NS, "catalog", "edusprong");
    text(w, LOM_NS, "entry", item.identifier());
    w.writeEndElement();
    if (!item.title().isEmpty()) {
      langString(w, "title", item.title());
    }
    langString(w, "description", "source text format: " + item.stemFormat().giftName());
    for (String tag : item.tags()) {
      langString(w, "keyword", tag);
    }
    w.writeEndElement();
    w.writeStartElement(LOM_NS, "technical");
    text(w, LOM_NS, "format", "text/x-imsqti-item-xml");
    w.writeEndElement();
    if (!item.category().isEmpty()) {
      w.writeStartElement(LOM_NS, "classification");
      w.writeStartElement(LOM_NS, "purpose");
      text(w, LOM_NS, "source", "LOMv1.0");
      text(w, LOM_NS, "value", "discipline");
      w.writeEndElement();
      w.writeStartElement(LOM_NS, "taxonPath");
      langString(w, "source", "edusprong category");
      int level = 0;
      for (String part : categoryLevels(item.category())) {
        level++;
        w.writeStartElement(LOM_NS, "taxon");
        text(w, LOM_NS, "id", String.valueOf(level));
        langString(w, "entry", part);
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
  }

  /**
   * The levels of a category path as written in the LOM {@code taxonPath}, one {@code taxon} each.
   * Levels are separated by a single {@code /}, and {@code //} stands for a {@code /} inside a
   * level name (Moodle's rule for question category paths, {@code question/format.php}, {@code
   * split_category_path}); levels are kept as written, blanks and spaces included, so that {@link
   * #category(List)} gives the path back exactly. A path that this rule does not give back (three
   * or more slashes in a row) is split at every {@code /} instead.
   *
   * @param category a category path such as {@code $course$/top/Default for X}; not empty
   * @return the levels, at least one
   */
  public static List<String> categoryLevels(String category) {
    List<String> levels = new ArrayList<>();
    for (String part : category.split("(?<!/)/(?!/)", -1)) {
      levels.add(part.replace("//", "/"));
    }
    if (category(levels).equals(category)) {
      return levels;
    }
    return List.of(category.split("/", -1));
  }

  /**
   * The category path of LOM {@code taxon} entries, the inverse of {@link #categoryLevels(String)}:
   * each {@code /} inside a level doubled, the levels joined by {@code /}.
   *
   * @param levels the taxon entries in path order
   * @return the path; {@code ""} for no levels
   */
  public static String category(List<String> levels) {
    List<String> escaped = new ArrayList<>();
    for (String level : levels) {
      escaped.add(level.replace("/", "//"));
    }
    return String.join("/", escaped);
  }

  private static void langString(XMLStreamWriter w, String element, String value)
      throws XMLStreamException {
    w.writeStartElement(LOM_NS, element);
    text(w, LOM_NS, "string", value);
    w.writeEndElement();
  }

  private static void text(XMLStreamWriter w, String ns, String element, String value)
      throws XMLStreamException {
    w.writeStartElement(ns, element);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  /** A stable short hex digest of the identifiers and types, for the manifest identifier. */
  private static String digest(List<Item> items) {
    StringBuilder b = new StringBuilder();
    for (Item item : items) {
      b.append(item.identifier()).append('\n');
      b.append(item.type()).append('\n');
    }
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(b.toString().getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", d[i]));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
