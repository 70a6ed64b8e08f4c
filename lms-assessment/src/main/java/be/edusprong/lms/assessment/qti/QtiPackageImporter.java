package be.edusprong.lms.assessment.qti;

import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.imports.TextChecks;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.TextFormat;
import be.edusprong.lms.assessment.qti12.Qti12Importer;
import be.edusprong.lms.assessment.xml.SafeXmlReader;
import be.edusprong.lms.assessment.xml.XmlElement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Imports a QTI content package: a ZIP with {@code imsmanifest.xml} at its root (IMS Content
 * Packaging 1.1/1.2; QTI 2.1 "Integration Guide", section 3 "Packaging"; 1EdTech QTI 3.0
 * "Implementation Guide", "Packaging QTI content") whose {@code <resource>}s of type {@code
 * imsqti_item_xmlv2p1} or {@code imsqti_item_xmlv3p0} are items and of type {@code
 * imsqti_test_xmlv2p1} or {@code imsqti_test_xmlv3p0} assessment tests.
 *
 * <p><b>Unpacking</b> ({@link java.util.zip.ZipInputStream}, everything in memory, within {@link
 * PackageLimits}): the whole package is refused, naming the limit and the entry, when it breaks a
 * limit (total and per-entry size, entry count, path depth, compression ratio: a zip bomb), or when
 * an entry name holds {@code ..}, starts with {@code /} or a drive letter, or holds a backslash
 * (zip slip, CWE-22), or appears twice. Entries that are archives themselves ({@code .zip}, {@code
 * .jar}, ..., or starting with {@code PK\003\004}) are never opened; each is named in a note.
 *
 * <p><b>What the ZIP is.</b> A ZIP that is no QTI package is refused saying what it is: no {@code
 * imsmanifest.xml} ("a ZIP without imsmanifest.xml, not an IMS content package"; a Moodle backup,
 * an Office document, a manifest in a sub-folder are named), a SCORM package (the ADL {@code adlcp}
 * namespace or schema {@code ADL SCORM}), an IMS Common Cartridge (schema {@code IMS Common
 * Cartridge}/{@code IMS Thin CC}, or {@code imscc} namespace or resource types without plain QTI
 * resources: "import it as a course"), a Blackboard Learn export ({@code x-bb} resource types or a
 * {@code blackboard.com} namespace), a content package without QTI resources.
 *
 * <p><b>Items.</b> The manifest is read with {@link SafeXmlReader} (hardened, profile {@code
 * QtiItemImporter.XML}). Item order: the items of each assessment test in test order first
 * (sections in {@link QtiPackageResult#sections()}), then the other item resources in manifest
 * order. Each item file is imported with {@link QtiItemImporter#qti30()} when it declares the QTI
 * 3.0 namespace, {@link QtiItemImporter#qti21()} when it declares QTI 2.1, else after its resource
 * type; its outcome is merged into one report named after the package, its position kept and its
 * file given in {@link QtiPackageResult#locations()} ({@code bank.zip!/items/q1.xml}). A refused
 * item file becomes a rejected outcome at 1:1 with the refusal. An item file (or test file) the
 * manifest or a test refers to but the ZIP lacks is a rejected outcome at the referring element,
 * naming the href; never an exception. The LOM metadata of an item's resource ({@link
 * ResourceMetadata}) is applied to its items: keywords as tags, the discipline classification as
 * category, and for {@link Qti3PackageWriter}'s packages the original identifier (catalog {@code
 * edusprong}) unless an earlier item of the package has it. A source text format other than HTML
 * named there is not applied (the item holds HTML only, and a format promises text written in it);
 * a note counts such items per format. QTI 1.2 resources ({@code imsqti_xmlv1p2}, as in Canvas QTI
 * exports) are read by {@link Qti12Importer}, one outcome per question, their media not resolved.
 * Files in the ZIP that nothing in the manifest lists are ignored with a note.
 *
 * <p><b>Media.</b> References in an item ({@code <img src>}, {@code <object data>}, {@code
 * <audio>/<video>/<source src>}) are resolved relative to the item file; found ones are carried in
 * {@link QtiPackageResult#media()} (path to bytes) and the single-item importer's "image is not
 * part of this file" loss is withdrawn for them; a missing one is a loss on its item naming the
 * reference and its position. External URLs ({@code https:}, {@code data:}) are left alone.
 *
 * <p>Thread-safe and stateless apart from its limits.
 */
public final class QtiPackageImporter {

  /** The manifest's name, at the root of the package (IMS CP 1.1.4, section 2.2). */
  public static final String MANIFEST = "imsmanifest.xml";

  private static final Pattern IMPORTER_IMAGE_LOSS =
      Pattern.compile("^image '(.*)' is not part of this file");

  private static final Set<String> ARCHIVE_SUFFIXES =
      Set.of(
          ".zip", ".jar", ".war", ".ear", ".mbz", ".imscc", ".7z", ".rar", ".tar", ".gz", ".tgz",
          ".bz2", ".xz");

  private final PackageLimits limits;

  /** An importer with {@link PackageLimits#DEFAULT}. */
  public QtiPackageImporter() {
    this(PackageLimits.DEFAULT);
  }

  /**
   * An importer with other limits.
   *
   * @param limits the limits applied while unpacking
   */
  public QtiPackageImporter(PackageLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Whether bytes start like a ZIP archive: a local file header {@code PK\003\004} or, for an empty
   * archive, an end-of-central-directory record {@code PK\005\006} (PKWARE APPNOTE.TXT, 4.3.7 and
   * 4.3.16).
   *
   * @param content the file's first bytes (or all of them)
   * @return true when they start with either signature
   */
  public static boolean isZip(byte[] content) {
    return content != null
        && content.length >= 4
        && content[0] == 'P'
        && content[1] == 'K'
        && ((content[2] == 3 && content[3] == 4) || (content[2] == 5 && content[3] == 6));
  }

  /**
   * Imports a package given as bytes; see the class comment.
   *
   * @param content the ZIP file
   * @param fileName the package's name for the report and locations, e.g. {@code bank.zip}
   * @return the result; a refusal when the bytes are no ZIP or no QTI package; never throws on
   *     malformed input
   */
  public QtiPackageResult importPackage(byte[] content, String fileName) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(fileName, "fileName");
    if (!isZip(content)) {
      return refused(fileName, "this is not a ZIP archive (no PK signature), not a QTI package");
    }
    return importPackage(new ByteArrayInputStream(content), fileName);
  }

  /**
   * Imports a package read from a stream, which is read to its end but not closed.
   *
   * @param in the ZIP file
   * @param fileName the package's name for the report and locations, e.g. {@code bank.zip}
   * @return the result; a refusal when the stream is no ZIP or no QTI package; never throws on
   *     malformed input
   */
  public QtiPackageResult importPackage(InputStream in, String fileName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(fileName, "fileName");
    List<String> notes = new ArrayList<>();
    Map<String, byte[]> entries;
    try {
      entries = unpack(in, notes);
    } catch (Refused r) {
      return QtiPackageResult.refused(
          FidelityReport.refused(fileName, BankFormat.UNKNOWN, r.getMessage()), notes);
    }
    try {
      return new Run(fileName, entries, notes).run();
    } catch (Refused r) {
      return QtiPackageResult.refused(
          FidelityReport.refused(fileName, BankFormat.UNKNOWN, r.getMessage()), notes);
    }
  }

  /**
   * Whether a text is an assessment test: its first element, within the first 2,000 characters, is
   * {@code assessmentTest} (QTI 2.1) or {@code qti-assessment-test} (QTI 3.0).
   *
   * @param text the decoded file
   * @return true for a test file
   */
  public static boolean isAssessmentTest(String text) {
    String head = text.length() > 2_000 ? text.substring(0, 2_000) : text;
    return head.matches(
        "(?s)\\s*(?:\\uFEFF)?(?:<\\?.*?\\?>\\s*)?(?:<!--.*?-->\\s*)*"
            + "<(?:[A-Za-z_][\\w.-]*:)?(?:assessmentTest|qti-assessment-test)[\\s>/].*");
  }

  /**
   * Imports the items an assessment test file refers to, read from the files next to it, as a
   * package without manifest: the test's item order and sections, each {@code assessmentItemRef}
   * href resolved relative to the test's folder; a missing item file is a rejected outcome at its
   * {@code assessmentItemRef}, naming the href. Only files inside the test's folder (and its
   * sub-folders) are read, each within {@link PackageLimits#maxEntryBytes()}, all together within
   * {@link PackageLimits#maxTotalBytes()}; a reference outside it is treated as missing. Media are
   * resolved the same way. Locations are the paths of the files on disk.
   *
   * @param testFile the {@code assessmentTest} / {@code qti-assessment-test} file
   * @return the result named after {@code testFile}; a refusal when it cannot be read or is no test
   */
  public QtiPackageResult importTestFile(java.nio.file.Path testFile) {
    Objects.requireNonNull(testFile, "testFile");
    java.nio.file.Path absolute = testFile.toAbsolutePath().normalize();
    java.nio.file.Path dir = absolute.getParent();
    String name = testFile.toString();
    DirectoryFiles files = new DirectoryFiles(dir, limits);
    String testPath = absolute.getFileName().toString();
    byte[] data = files.get(testPath);
    String text = data == null ? null : utf8(data);
    if (text == null) {
      return refused(name, "the test file cannot be read as UTF-8 text");
    }
    if (!isAssessmentTest(text)) {
      return refused(name, "this is not a QTI assessment test");
    }
    try {
      SafeXmlReader.parse(text, QtiItemImporter.XML);
    } catch (SafeXmlReader.Refusal r) {
      // A test that is not even XML must not pass as a complete, empty bank.
      return refused(name, "the assessment test cannot be read: " + r.getMessage());
    }
    BankFormat declared =
        text.contains(QtiItemImporter.NS_30) ? BankFormat.QTI30 : BankFormat.QTI21;
    java.nio.file.Path parent = testFile.getParent();
    String prefix = parent == null ? "" : parent.toString().replace('\\', '/') + "/";
    return new Run(name, files, new ArrayList<>(), prefix).runTest(testPath, declared);
  }

  /** Files of one folder on disk, read on demand, confined to the folder and the limits. */
  private static final class DirectoryFiles extends java.util.AbstractMap<String, byte[]> {
    private final java.nio.file.Path root;
    private final PackageLimits limits;
    private final Map<String, byte[]> read = new LinkedHashMap<>();
    private long total;

    DirectoryFiles(java.nio.file.Path root, PackageLimits limits) {
      this.root = root;
      this.limits = limits;
    }

    @Override
    public byte[] get(Object key) {
      if (!(key instanceof String path) || path.isEmpty()) {
        return null;
      }
      if (read.containsKey(path)) {
        return read.get(path);
      }
      byte[] data = null;
      try {
        java.nio.file.Path file = root.resolve(path).normalize();
        if (file.startsWith(root)
            && java.nio.file.Files.isRegularFile(file)
            && file.toRealPath().startsWith(root.toRealPath())) {
          long size = java.nio.file.Files.size(file);
          if (size <= limits.maxEntryBytes() && total + size <= limits.maxTotalBytes()) {
            data = java.nio.file.Files.readAllBytes(file);
            total += data.length;
          }
        }
      } catch (IOException | RuntimeException e) {
        data = null;
      }
      read.put(path, data);
      return data;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    /** Empty: the folder is not listed, so no "ignored file" notes. */
    @Override
    public Set<Map.Entry<String, byte[]>> entrySet() {
      return Set.of();
    }
  }

  private static QtiPackageResult refused(String fileName, String reason) {
    return QtiPackageResult.refused(
        FidelityReport.refused(fileName, BankFormat.UNKNOWN, reason), List.of());
  }

  /** Why the whole package is refused. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  // ---- unpacking ----

  /** Counts the compressed bytes the ZIP reader consumes, for the compression ratio. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += Math.max(0, s);
      return s;
    }
  }

  private Refused breach(String limit, String value, String entry, String detail) {
    return new Refused(
        "the package breaks the limit "
            + limit
            + " ("
            + value
            + ") at entry '"
            + entry
            + "': "
            + detail
            + "; the package is refused (a possible zip bomb), raise PackageLimits."
            + limit
            + " only for a trusted package");
  }

  private Map<String, byte[]> unpack(InputStream raw, List<String> notes) throws Refused {
    Counting counted = new Counting(raw);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    long total = 0;
    int count = 0;
    byte[] buffer = new byte[8192];
    try {
      ZipInputStream zip = new ZipInputStream(counted, StandardCharsets.UTF_8);
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        if (++count > limits.maxEntries()) {
          throw breach(
              "maxEntries",
              limits.maxEntries() + " entries",
              name,
              "the package has more than " + limits.maxEntries() + " entries");
        }
        String path = entryPath(name);
        if (entry.isDirectory()) {
          continue;
        }
        if (entries.containsKey(path)) {
          throw new Refused(
              "the package holds entry '"
                  + name
                  + "' twice; which copy is meant is ambiguous, so the package is refused");
        }
        if (entry.getSize() > limits.maxEntryBytes()) {
          throw breach(
              "maxEntryBytes",
              limits.maxEntryBytes() + " bytes",
              name,
              "it declares " + entry.getSize() + " bytes uncompressed");
        }
        long start = counted.count;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long size = 0;
        int n;
        while ((n = zip.read(buffer)) > 0) {
          size += n;
          total += n;
          if (size > limits.maxEntryBytes()) {
            throw breach(
                "maxEntryBytes",
                limits.maxEntryBytes() + " bytes",
                name,
                "it unpacks to more than " + limits.maxEntryBytes() + " bytes");
          }
          if (total > limits.maxTotalBytes()) {
            throw breach(
                "maxTotalBytes",
                limits.maxTotalBytes() + " bytes",
                name,
                "the entries unpack to more than " + limits.maxTotalBytes() + " bytes together");
          }
          if (size > limits.ratioMinBytes()) {
            long compressed = Math.max(1, counted.count - start);
            if (size / compressed > limits.maxRatio()) {
              throw breach(
                  "maxRatio",
                  "1:" + limits.maxRatio(),
                  name,
                  compressed
                      + " compressed bytes unpack to more than "
                      + size
                      + " bytes (ratio 1:"
                      + size / compressed
                      + ")");
            }
          }
          out.write(buffer, 0, n);
        }
        byte[] data = out.toByteArray();
        if (isArchive(path, data)) {
          notes.add(
              "nested archive '"
                  + path
                  + "' was not opened: archives inside a package are never unpacked");
        }
        entries.put(path, data);
      }
    } catch (ZipException e) {
      throw new Refused("this is not a readable ZIP archive: " + e.getMessage());
    } catch (IOException e) {
      throw new Refused("the ZIP archive could not be read: " + e.getMessage());
    }
    if (count == 0) {
      throw new Refused(
          "this is an empty ZIP archive (no entries) or no ZIP at all, not a QTI content package");
    }
    return entries;
  }

  /** The normalised path of an entry name, or a refusal for zip slip and too deep names. */
  private String entryPath(String name) throws Refused {
    if (name.indexOf('\\') >= 0) {
      throw new Refused(
          "entry '"
              + name
              + "' has a backslash in its name (a Windows path, or a zip-slip attempt); ZIP entry"
              + " names use '/' (APPNOTE 4.4.17), so the package is refused");
    }
    if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
      throw new Refused(
          "entry '"
              + name
              + "' has an absolute path (zip slip, CWE-22); entry names must be relative, so the"
              + " package is refused");
    }
    List<String> kept = new ArrayList<>();
    for (String segment : name.split("/")) {
      if (segment.equals("..")) {
        throw new Refused(
            "entry '"
                + name
                + "' climbs out of the package with '..' (zip slip, CWE-22), so the package is"
                + " refused");
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        kept.add(segment);
      }
    }
    if (kept.size() > limits.maxDepth()) {
      throw breach(
          "maxDepth",
          limits.maxDepth() + " levels",
          name,
          "its path is " + kept.size() + " levels deep");
    }
    return String.join("/", kept);
  }

  private static boolean isArchive(String path, byte[] data) {
    String lower = path.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    return (dot >= 0 && ARCHIVE_SUFFIXES.contains(lower.substring(dot))) || isZip(data);
  }

  // ---- path helpers ----

  /** A reference that leaves the package root. */
  private static final class Outside extends Exception {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Resolves an href (RFC 3986 relative reference) against a folder of the package.
   *
   * @return the normalised package path, or null for an external URL (with a scheme, or {@code
   *     //host})
   * @throws Outside when the reference is absolute or climbs above the package root
   */
  static String resolve(String folder, String href) throws Outside {
    String h = href.strip();
    int cut = h.length();
    for (char c : new char[] {'#', '?'}) {
      int at = h.indexOf(c);
      if (at >= 0) {
        cut = Math.min(cut, at);
      }
    }
    h = h.substring(0, cut);
    if (h.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") || h.startsWith("//")) {
      return null;
    }
    h = percentDecode(h);
    if (h.startsWith("/") || h.indexOf('\\') >= 0) {
      throw new Outside();
    }
    Deque<String> segments = new ArrayDeque<>();
    String joined = folder.isEmpty() ? h : folder + "/" + h;
    for (String s : joined.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (segments.isEmpty()) {
          throw new Outside();
        }
        segments.removeLast();
      } else {
        segments.addLast(s);
      }
    }
    return String.join("/", segments);
  }

  /** {@code %20} to a space (UTF-8); a malformed escape is kept as written. */
  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        int hi = Character.digit(bytes[i + 1], 16);
        int lo = Character.digit(bytes[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.write(bytes[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String folder(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String utf8(byte[] data) {
    try {
      return TextChecks.withoutBom(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data))
              .toString());
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  // ---- one import ----

  /** An item (or QTI 1.2 file) to import and the element that refers to it. */
  private record Ref(
      String path, String href, String from, int line, int column, Resource resource) {}

  /** One {@code <resource>} of the manifest. */
  private record Resource(
      String identifier,
      String type,
      String href,
      String path,
      XmlElement node,
      List<String> files) {}

  /** One pass over one package; not thread-safe. */
  private static final class Run {
    private final String fileName;
    private final Map<String, byte[]> entries;
    private final List<String> notes;
    private final List<ItemOutcome> outcomes = new ArrayList<>();
    private final List<String> locations = new ArrayList<>();
    private final Map<String, byte[]> media = new LinkedHashMap<>();
    private final List<QtiPackageResult.Section> sections = new ArrayList<>();
    private final Set<String> used = new LinkedHashSet<>();
    private final List<BankFormat> formats = new ArrayList<>();

    /** The manifest resources by their package path. */
    private final Map<String, Resource> byPath = new LinkedHashMap<>();

    /** How many items the manifest names each non-HTML source text format for. */
    private final Map<String, Integer> sourceFormats = new java.util.TreeMap<>();

    /** The identifiers of the items read so far, to keep restored ones unique. */
    private final Set<String> identifiers = new java.util.HashSet<>();

    private final String prefix;

    Run(String fileName, Map<String, byte[]> entries, List<String> notes) {
      this(fileName, entries, notes, fileName + "!/");
    }

    Run(String fileName, Map<String, byte[]> entries, List<String> notes, String prefix) {
      this.fileName = fileName;
      this.entries = entries;
      this.notes = notes;
      this.prefix = prefix;
    }

    /** Imports the items of one assessment test file, in test order. */
    QtiPackageResult runTest(String testPath, BankFormat declared) {
      XmlElement at = XmlElement.synthetic("resource", 1, 1);
      Resource test = new Resource("", "imsqti_test", testPath, testPath, at, List.of());
      Map<String, Ref> order = new LinkedHashMap<>();
      readTest(test, order);
      for (Ref ref : order.values()) {
        item(ref);
      }
      BankFormat format =
          formats.isEmpty() || formats.stream().distinct().count() > 1 ? declared : formats.get(0);
      return new QtiPackageResult(
          FidelityReport.of(fileName, format, outcomes), locations, media, notes, sections);
    }

    QtiPackageResult run() throws Refused {
      byte[] manifestBytes = entries.get(MANIFEST);
      if (manifestBytes == null) {
        throw new Refused(withoutManifest());
      }
      used.add(MANIFEST);
      String text = utf8(manifestBytes);
      if (text == null) {
        throw new Refused("imsmanifest.xml is not UTF-8 text, so the package cannot be read");
      }
      XmlElement root;
      try {
        root = SafeXmlReader.parse(text, QtiItemImporter.XML);
      } catch (SafeXmlReader.Refusal r) {
        throw new Refused("imsmanifest.xml cannot be read: " + r.getMessage());
      }
      if (!root.name.equals("manifest")) {
        throw new Refused(
            "imsmanifest.xml has root <"
                + root.rawName
                + ">, not the <manifest> of an IMS content package");
      }
      List<Resource> resources = resources(root);
      for (Resource r : resources) {
        if (r.path() != null) {
          byPath.putIfAbsent(r.path(), r);
        }
      }
      String notQti = notQti(root, text, resources);
      if (notQti != null) {
        throw new Refused(notQti);
      }
      BankFormat declared =
          resources.stream().anyMatch(r -> r.type().endsWith("v3p0"))
              ? BankFormat.QTI30
              : resources.stream().anyMatch(r -> isItem(r) || isTest(r))
                  ? BankFormat.QTI21
                  : BankFormat.QTI12;

      Map<String, Ref> order = new LinkedHashMap<>();
      for (Resource r : resources) {
        if (isTest(r)) {
          readTest(r, order);
        }
      }
      for (Resource r : resources) {
        if (isItem(r) || isQti12(r)) {
          order.putIfAbsent(
              r.path() == null ? "#" + r.identifier() : r.path(),
              new Ref(r.path(), r.href(), MANIFEST, r.node().line, r.node().column, r));
        } else if (!isTest(r) && !r.type().equals("webcontent")) {
          notes.add(
              "resource '"
                  + r.identifier()
                  + "' of type '"
                  + r.type()
                  + "' is not an item and was not imported");
        }
      }
      for (Ref ref : order.values()) {
        if (ref.resource() != null && isQti12(ref.resource())) {
          qti12(ref);
        } else {
          item(ref);
        }
      }
      for (Resource r : resources) {
        for (String f : r.files()) {
          if (!entries.containsKey(f) && !f.equals(r.path())) {
            notes.add(
                "the manifest lists file '"
                    + f
                    + "' (resource '"
                    + r.identifier()
                    + "') but the package has no such file");
          }
        }
      }
      List<String> ignored =
          entries.keySet().stream().filter(p -> !used.contains(p) && !p.endsWith("/")).toList();
      if (!ignored.isEmpty()) {
        notes.add(
            ignored.size()
                + " file(s) in the package are not listed in the manifest and were ignored: "
                + String.join(", ", ignored.subList(0, Math.min(10, ignored.size())))
                + (ignored.size() > 10 ? ", ..." : ""));
      }
      if (!sourceFormats.isEmpty()) {
        notes.add(
            "the manifest says the source text of "
                + sourceFormats.entrySet().stream()
                    .map(e -> e.getValue() + " item(s) was written as " + e.getKey())
                    .collect(java.util.stream.Collectors.joining(", "))
                + "; a QTI item holds only its HTML, so those items read back as HTML");
      }
      BankFormat format =
          formats.isEmpty()
              ? declared
              : formats.stream().distinct().count() == 1 ? formats.get(0) : declared;
      if (formats.stream().distinct().count() > 1) {
        notes.add("the package mixes QTI 2.1 and QTI 3.0 items; the report names " + format.id());
      }
      return new QtiPackageResult(
          FidelityReport.of(fileName, format, outcomes), locations, media, notes, sections);
    }

    // ---- the manifest ----

    private List<Resource> resources(XmlElement root) {
      List<Resource> out = new ArrayList<>();
      XmlElement all = root.child("resources");
      if (all == null) {
        return out;
      }
      String base = all.attributes.getOrDefault("xml:base", "");
      for (XmlElement r : all.all("resource")) {
        String rbase = base + r.attributes.getOrDefault("xml:base", "");
        String href = r.attr("href");
        String path = null;
        if (href != null && !href.isBlank()) {
          path = listed(rbase, href, r);
        }
        List<String> files = new ArrayList<>();
        for (XmlElement f : r.all("file")) {
          String fh = f.attr("href");
          if (fh != null && !fh.isBlank()) {
            String fp = listed(rbase, fh, f);
            if (fp != null) {
              files.add(fp);
              used.add(fp);
            }
          }
        }
        if (path == null && (href == null || href.isBlank()) && !files.isEmpty()) {
          // No entry point (Canvas QTI exports list only <file>s): the first file is the resource.
          path = files.get(0);
          href = r.all("file").get(0).attr("href");
        }
        if (path != null) {
          used.add(path);
        }
        String type = r.attr("type") == null ? "" : r.attr("type").strip();
        out.add(
            new Resource(
                r.attr("identifier") == null ? "" : r.attr("identifier"),
                type,
                href,
                path,
                r,
                files));
      }
      return out;
    }

    /** The package path of a manifest href, or null (with a note) when it is external/outside. */
    private String listed(String base, String href, XmlElement at) {
      try {
        return resolve("", base + href);
      } catch (Outside o) {
        notes.add(
            "imsmanifest.xml "
                + at.where()
                + ": href '"
                + href
                + "' points outside the package and was ignored");
        return null;
      }
    }

    private static boolean isItem(Resource r) {
      return r.type().startsWith("imsqti_item_xmlv");
    }

    private static boolean isTest(Resource r) {
      return r.type().startsWith("imsqti_test_xmlv");
    }

    private static boolean isQti12(Resource r) {
      return r.type().equals("imsqti_xmlv1p2");
    }

    /** Why the manifest is no QTI package, or null when it is one. */
    private static String notQti(XmlElement root, String text, List<Resource> resources) {
      XmlElement metadata = root.child("metadata");
      XmlElement schemaNode = metadata == null ? null : metadata.child("schema");
      String schema = schemaNode == null ? "" : schemaNode.textContent().strip();
      String schemaLower = schema.toLowerCase(Locale.ROOT);
      Set<String> types = new LinkedHashSet<>();
      resources.forEach(r -> types.add(r.type()));
      boolean qti = resources.stream().anyMatch(r -> isItem(r) || isTest(r) || isQti12(r));
      if (text.contains("http://www.adlnet.org/xsd/adlcp") || schemaLower.contains("scorm")) {
        return "this is a SCORM package, not an item bank: add it to a course as a SCORM"
            + " activity (manifest schema '"
            + schema
            + "')";
      }
      if (text.contains("blackboard.com") || types.stream().anyMatch(t -> t.contains("/x-bb-"))) {
        return "this is a Blackboard Learn export (resource types "
            + types.stream().limit(3).toList()
            + "), not a standard QTI package: export the pool or test as QTI 2.1 or 3.0";
      }
      boolean ccTypes =
          types.stream()
              .anyMatch(
                  t ->
                      t.contains("imscc_")
                          || t.startsWith("imsdt_")
                          || t.startsWith("imswl_")
                          || t.startsWith("imsbasiclti_"));
      boolean plainQti = resources.stream().anyMatch(r -> isItem(r) || isQti12(r));
      if (schemaLower.contains("common cartridge")
          || schemaLower.contains("thin cc")
          || ((root.namespace.contains("imsccv1p") || ccTypes) && !plainQti)) {
        return "this is an IMS Common Cartridge: import it as a course (cartridge import), not"
            + " as an item bank";
      }
      if (!qti) {
        return "this is an IMS content package without QTI items or tests (resource types "
            + (types.isEmpty() ? "none" : String.join(", ", types))
            + "), not an item bank";
      }
      return null;
    }

    /** Why there is no manifest, naming what the ZIP seems to be. */
    private String withoutManifest() {
      for (String p : entries.keySet()) {
        if (p.endsWith("/" + MANIFEST)) {
          return "this is a ZIP whose imsmanifest.xml is in '"
              + p.substring(0, p.length() - MANIFEST.length())
              + "', not at the root: zip the content of that folder, not the folder";
        }
      }
      if (entries.containsKey("moodle_backup.xml")) {
        return "this is a Moodle backup (moodle_backup.xml), not a QTI package: restore it in a"
            + " course, or export the question bank as Moodle XML";
      }
      if (entries.containsKey(".bb-package-info")) {
        return "this is a Blackboard Learn export (.bb-package-info), not a QTI package";
      }
      if (entries.containsKey("[Content_Types].xml")) {
        return "this is an Office Open XML document (Word, Excel or PowerPoint), not a QTI"
            + " package";
      }
      if (entries.containsKey("mimetype")) {
        return "this is an OpenDocument or EPUB file, not a QTI package";
      }
      if (entries.containsKey("META-INF/MANIFEST.MF")) {
        return "this is a Java archive (JAR), not a QTI package";
      }
      return "this is a ZIP without imsmanifest.xml, not an IMS content package ("
          + entries.size()
          + " file(s), e.g. "
          + String.join(", ", entries.keySet().stream().limit(3).toList())
          + ")";
    }

    // ---- tests ----

    private void readTest(Resource r, Map<String, Ref> order) {
      if (r.path() == null) {
        notes.add("test resource '" + r.identifier() + "' has no href and was not read");
        return;
      }
      byte[] data = entries.get(r.path());
      if (data == null) {
        missing(
            new Ref(r.path(), r.href(), MANIFEST, r.node().line, r.node().column, r), "test file");
        return;
      }
      String text = utf8(data);
      XmlElement root;
      try {
        if (text == null) {
          throw new SafeXmlReader.Refusal("not UTF-8 text");
        }
        root = SafeXmlReader.parse(text, QtiItemImporter.XML);
      } catch (SafeXmlReader.Refusal e) {
        notes.add(
            "test file '"
                + r.path()
                + "' cannot be read ("
                + e.getMessage()
                + "); its items are imported in manifest order");
        return;
      }
      if (!root.name.equals("assessmentTest")) {
        notes.add(
            "test file '"
                + r.path()
                + "' has root <"
                + root.rawName
                + ">, not an assessment test; its items are imported in manifest order");
        return;
      }
      sections(root, r.path(), "", order);
    }

    /** Walks testParts and sections in document order, collecting item refs and sections. */
    private void sections(XmlElement node, String test, String titles, Map<String, Ref> order) {
      for (XmlElement child : node.children()) {
        if (child.name.equals("testPart")) {
          sections(child, test, titles, order);
        } else if (child.name.equals("assessmentSection")) {
          section(child, test, titles, order);
        }
        // outcome processing, rubric blocks, time limits: not part of the item order
      }
    }

    /** One section: its own record first, then nested sections in document order. */
    private void section(XmlElement section, String test, String titles, Map<String, Ref> order) {
      String title = section.attr("title") == null ? "" : section.attr("title");
      String path = titles.isEmpty() ? title : titles + " / " + title;
      int at = sections.size();
      sections.add(null);
      List<String> items = new ArrayList<>();
      for (XmlElement c : section.children()) {
        if (c.name.equals("assessmentItemRef")) {
          Ref ref = itemRef(c, test);
          if (ref != null) {
            items.add(ref.path());
            order.putIfAbsent(ref.path(), ref);
          }
        } else if (c.name.equals("assessmentSection")) {
          section(c, test, path, order);
        } else if (c.name.equals("assessmentSectionRef")) {
          notes.add(
              test
                  + " "
                  + c.where()
                  + ": section reference '"
                  + c.attr("href")
                  + "' is not followed; its items are imported only when the manifest lists"
                  + " them");
        }
      }
      String identifier = section.attr("identifier") == null ? "" : section.attr("identifier");
      sections.set(at, new QtiPackageResult.Section(test, identifier, path, items));
    }

    private Ref itemRef(XmlElement c, String test) {
      String href = c.attr("href");
      if (href == null || href.isBlank()) {
        notes.add(test + " " + c.where() + ": an assessmentItemRef without href was skipped");
        return null;
      }
      try {
        String path = resolve(folder(test), href);
        if (path == null) {
          notes.add(test + " " + c.where() + ": external item '" + href + "' was not imported");
          return null;
        }
        return new Ref(path, href, test, c.line, c.column, null);
      } catch (Outside o) {
        notes.add(test + " " + c.where() + ": item href '" + href + "' points outside the package");
        return null;
      }
    }

    // ---- items ----

    private void missing(Ref ref, String what) {
      String owner =
          ref.resource() != null
              ? " listed in the manifest (resource '" + ref.resource().identifier() + "')"
              : " referred to by the test";
      add(
          new ItemOutcome(
              ImportStatus.REJECTED,
              null,
              ref.line(),
              ref.column(),
              List.of(
                  ref.from()
                      + ": "
                      + what
                      + (ref.href() == null ? " (no href and no file)" : " '" + ref.href() + "'")
                      + owner
                      + " is not in the package")),
          ref.from());
    }

    private void add(ItemOutcome outcome, String path) {
      outcomes.add(outcome);
      locations.add(prefix + path);
    }

    private void reject(Ref ref, String path, String reason) {
      add(ItemOutcome.rejected(1, 1, path + ": " + reason), path);
    }

    private void item(Ref ref) {
      if (ref.path() == null || !entries.containsKey(ref.path())) {
        missing(ref, "item file");
        return;
      }
      String path = ref.path();
      used.add(path);
      byte[] data = entries.get(path);
      if (isArchive(path, data)) {
        reject(ref, path, "the item file is an archive; nested archives are not opened");
        return;
      }
      String text = utf8(data);
      if (text == null) {
        reject(ref, path, "the item file is not UTF-8 text");
        return;
      }
      String head = text.length() > 2_000 ? text.substring(0, 2_000) : text;
      boolean v30 =
          head.contains(QtiItemImporter.NS_30)
              || (!head.contains(QtiItemImporter.NS_21)
                  && ref.resource() != null
                  && ref.resource().type().endsWith("v3p0"));
      QtiItemImporter importer = v30 ? QtiItemImporter.qti30() : QtiItemImporter.qti21();
      FidelityReport report = importer.importFile(text, prefix + path);
      formats.add(report.format());
      if (report.refused()) {
        reject(ref, path, report.refusal());
        return;
      }
      List<MediaRef> refs = mediaRefs(text);
      ResourceMetadata metadata = ResourceMetadata.of(resourceOf(ref));
      for (ItemOutcome o : report.outcomes()) {
        add(withMedia(withMetadata(o, metadata), path, refs), path);
      }
    }

    /** A QTI 1.2 file ({@code questestinterop}, e.g. a Canvas export), read by Qti12Importer. */
    private void qti12(Ref ref) {
      if (ref.path() == null || !entries.containsKey(ref.path())) {
        missing(ref, "QTI 1.2 file");
        return;
      }
      String path = ref.path();
      used.add(path);
      String text = utf8(entries.get(path));
      if (text == null) {
        reject(ref, path, "the QTI 1.2 file is not UTF-8 text");
        return;
      }
      FidelityReport report = new Qti12Importer().importFile(text, prefix + path);
      formats.add(report.format());
      if (report.refused()) {
        reject(ref, path, report.refusal());
        return;
      }
      for (ItemOutcome o : report.outcomes()) {
        add(withMedia(o, path, List.of()), path);
      }
    }

    /** The manifest resource of an item: its own, or the one whose href is the item's path. */
    private XmlElement resourceOf(Ref ref) {
      if (ref.resource() != null) {
        return ref.resource().node();
      }
      Resource r = byPath.get(ref.path());
      return r == null ? null : r.node();
    }

    /**
     * The outcome with the item's manifest metadata ({@link ResourceMetadata}) applied; the
     * original identifier only when no earlier item of the package has it already.
     */
    private ItemOutcome withMetadata(ItemOutcome o, ResourceMetadata metadata) {
      if (o.item() == null) {
        return o;
      }
      ResourceMetadata m = metadata;
      if (m.identifier() != null && !identifiers.add(m.identifier())) {
        m = new ResourceMetadata(m.category(), m.tags(), m.sourceFormat(), null);
      }
      if (m.sourceFormat() != null && m.sourceFormat() != TextFormat.HTML) {
        sourceFormats.merge(m.sourceFormat().giftName(), 1, Integer::sum);
      }
      Item item = m.applyTo(o.item());
      if (m.identifier() == null) {
        identifiers.add(item.identifier());
      }
      return new ItemOutcome(o.status(), item, o.line(), o.column(), o.messages());
    }

    /** A media reference in an item: attribute value and position. */
    private record MediaRef(String kind, String value, int line, int column) {}

    private static List<MediaRef> mediaRefs(String text) {
      List<MediaRef> out = new ArrayList<>();
      XmlElement root;
      try {
        root = SafeXmlReader.parse(text, QtiItemImporter.XML);
      } catch (SafeXmlReader.Refusal r) {
        return out;
      }
      List<XmlElement> all = new ArrayList<>();
      root.descendants(all);
      for (XmlElement n : all) {
        String value =
            switch (n.name) {
              case "img", "audio", "video", "source" -> n.attr("src");
              case "object" -> n.attr("data");
              default -> null;
            };
        if (value != null && !value.isBlank()) {
          out.add(new MediaRef(n.name.equals("img") ? "image" : "media", value, n.line, n.column));
        }
      }
      return out;
    }

    /** The outcome with its media resolved in the package, messages prefixed with the path. */
    private ItemOutcome withMedia(ItemOutcome o, String path, List<MediaRef> refs) {
      Set<String> handled = new LinkedHashSet<>();
      List<String> extra = new ArrayList<>();
      for (MediaRef m : refs) {
        String target;
        try {
          target = resolve(folder(path), m.value());
        } catch (Outside e) {
          handled.add(m.value());
          extra.add(
              m.kind()
                  + " '"
                  + m.value()
                  + "' ("
                  + m.line()
                  + ":"
                  + m.column()
                  + ") points outside the package, so it cannot be shown");
          continue;
        }
        if (target == null) {
          continue;
        }
        handled.add(m.value());
        byte[] data = entries.get(target);
        if (data != null) {
          media.putIfAbsent(target, data);
          used.add(target);
        } else {
          extra.add(
              m.kind()
                  + " '"
                  + m.value()
                  + "' ("
                  + m.line()
                  + ":"
                  + m.column()
                  + ") is not in the package (looked for '"
                  + target
                  + "'); the item shows no "
                  + m.kind()
                  + " there");
        }
      }
      List<String> messages = new ArrayList<>();
      for (String message : o.messages()) {
        Matcher matcher = IMPORTER_IMAGE_LOSS.matcher(message);
        if (!(matcher.find() && handled.contains(matcher.group(1)))) {
          messages.add(message);
        }
      }
      messages.addAll(extra);
      List<String> prefixed = messages.stream().map(m -> path + ": " + m).toList();
      if (o.status() == ImportStatus.REJECTED) {
        return new ItemOutcome(ImportStatus.REJECTED, null, o.line(), o.column(), prefixed);
      }
      return prefixed.isEmpty()
          ? ItemOutcome.imported(o.item(), o.line(), o.column())
          : ItemOutcome.importedWithLosses(o.item(), o.line(), o.column(), prefixed);
    }
  }
}
