package be.edusprong.lms.assessment.qti;

import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link QtiPackageImporter} made of one QTI content package (or of one assessment test file
 * read with the items next to it). Immutable apart from the media byte arrays, which callers must
 * not modify.
 *
 * <p><b>Positions.</b> {@link #report()} has the package's file name and one outcome per item, in
 * test order where the package has an assessment test, else in manifest order; each outcome's line
 * and column are in the file named by the {@link #locations()} entry of the same index, e.g. {@code
 * bank.zip!/items/q1.xml} (for an item file that is missing: the {@code imsmanifest.xml} or test
 * file that refers to it). Because an {@link ItemOutcome} carries no file of its own, every message
 * of an outcome also starts with the entry path and {@code ": "} (e.g. {@code items/q1.xml: image
 * ...}), so the JSON report says which file a loss or rejection is about.
 *
 * <p><b>Media.</b> {@link #media()} maps the path inside the package (normalised, {@code /}
 * separated, relative to the package root, e.g. {@code images/sign.png}) to the bytes of every
 * image or other media file ({@code <img src>}, {@code <object data>}, {@code <audio>/<video>/
 * <source src>}) that an imported item refers to and that was found, in first-use order. The items'
 * HTML keeps the reference as written, relative to the item file: resolve it against the directory
 * of the item's {@link #locations() location} to find the key. A reference that is not in the
 * package is a loss on its item.
 *
 * @param report the merged fidelity report; a refusal when the package was refused
 * @param locations per outcome of {@code report}, the file its line and column refer to ({@code
 *     package!/path}); empty when refused
 * @param media resolved media, package path to bytes, in first-use order
 * @param notes what was ignored or is worth knowing but is no loss on an item (files not in the
 *     manifest, nested archives not opened, resource types not imported), in order found
 * @param sections the sections of the package's assessment tests, in test order; empty when it has
 *     none
 */
public record QtiPackageResult(
    FidelityReport report,
    List<String> locations,
    Map<String, byte[]> media,
    List<String> notes,
    List<Section> sections) {

  /**
   * One {@code assessmentSection} of an assessment test (QTI 2.1 section 3.2 "Tests"; QTI 3.0
   * {@code qti-assessment-section}); nested sections are listed on their own after their parent,
   * with the titles joined by {@code " / "}.
   *
   * @param test the test file's path in the package
   * @param identifier the section's {@code identifier}
   * @param title the section's {@code title}, parent titles first ({@code "Section B / Section
   *     B1"})
   * @param itemPaths the package paths of the items the section refers to directly, in order
   */
  public record Section(String test, String identifier, String title, List<String> itemPaths) {
    /** Copies the list. */
    public Section {
      itemPaths = List.copyOf(itemPaths);
    }
  }

  /** Checks that there is a location per outcome and copies the collections. */
  public QtiPackageResult {
    Objects.requireNonNull(report, "report");
    locations = List.copyOf(locations);
    media = Collections.unmodifiableMap(new LinkedHashMap<>(media));
    notes = List.copyOf(notes);
    sections = List.copyOf(sections);
    if (locations.size() != report.outcomes().size()) {
      throw new IllegalArgumentException("one location per outcome");
    }
  }

  /**
   * A refused package.
   *
   * @param report the refusal
   * @param notes notes gathered before the refusal
   * @return a result without outcomes, media or sections
   */
  static QtiPackageResult refused(FidelityReport report, List<String> notes) {
    return new QtiPackageResult(report, List.of(), Map.of(), notes, List.of());
  }

  /**
   * The compiler-style lines of the report, one per outcome: {@code bank.zip!/items/q1.xml:12:3:
   * STATUS: message; message}, or {@code bank.zip: REFUSED: why}.
   *
   * @return the lines in outcome order
   */
  public List<String> describe() {
    if (report.refused()) {
      return List.of(report.fileName() + ": REFUSED: " + report.refusal());
    }
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < locations.size(); i++) {
      out.add(report.outcomes().get(i).describe(locations.get(i)));
    }
    return out;
  }
}
