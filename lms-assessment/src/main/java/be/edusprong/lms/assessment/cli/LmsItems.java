package be.edusprong.lms.assessment.cli;

import be.edusprong.lms.assessment.gift.GiftWriter;
import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.Importers;
import be.edusprong.lms.assessment.qti.PackageLimits;
import be.edusprong.lms.assessment.qti.Qti3PackageWriter;
import be.edusprong.lms.assessment.qti.QtiPackageImporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code lms-items}: checks item-bank files in batch, as centres do before importing them.
 *
 * <pre>
 * java -jar lms-items.jar validate FILE...
 * java -jar lms-items.jar convert FILE... --to gift|qti3 --out DIR
 * java -jar lms-items.jar verify-receipts FILE... --key BASE64 | --key-file FILE
 * </pre>
 *
 * <p>Prints one JSON document on standard output:
 *
 * <pre>
 * {"complete": true|false,          // every file imported whole
 *  "reports": [ FidelityReport... ] // one per file, in argument order (FidelityReport#toJson)
 * }
 * </pre>
 *
 * {@code convert} adds {@code "written": [paths]}, {@code "notConverted": [reasons]} and {@code
 * "losses": [messages]} after {@code complete}: each file that imported whole is written as {@code
 * DIR/<name>.gift} ({@link GiftWriter}) or as the QTI 3.0 content package {@code DIR/<name>.zip}
 * ({@link Qti3PackageWriter}); a file with a rejected question, or with a question the target
 * format cannot express, is only reported (all or nothing). {@code losses} names, per written file,
 * what the QTI 3.0 export could carry only approximately ({@link Qti3PackageWriter#losses}); GIFT
 * refuses instead of losing, so it has none.
 *
 * <p>Files are read by {@link Importers#importBytes}: a ZIP is a QTI content package ({@code
 * validate bank.zip}; up to {@value #MAX_PACKAGE_BYTES} bytes, entries within {@link
 * PackageLimits#DEFAULT}), anything else UTF-8 text. A QTI assessment test file ({@code
 * assessmentTest}, {@code qti-assessment-test}) is read with the item files next to it ({@link
 * QtiPackageImporter#importTestFile}). A file that cannot be read (missing, over {@value
 * #MAX_BYTES} bytes, not UTF-8) gets a refused report with the reason. Exit status: 0 when every
 * file is complete, 1 when any question was rejected or any file refused, 2 for a usage error.
 *
 * <p>{@code verify-receipts} checks exam receipt lists instead and prints its own document; see
 * {@code VerifyReceipts}.
 */
public final class LmsItems {
  /** The largest file read, in bytes (20 MiB). */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  /**
   * The largest ZIP content package read, in bytes (200 MiB, the default {@link
   * PackageLimits#maxTotalBytes()}); its entries are limited by {@link PackageLimits#DEFAULT}.
   */
  public static final long MAX_PACKAGE_BYTES = PackageLimits.DEFAULT.maxTotalBytes();

  private LmsItems() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line.
   *
   * @return the exit status (0 complete, 1 incomplete, 2 usage)
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals(VerifyReceipts.NAME)) {
      return VerifyReceipts.run(Arrays.asList(args).subList(1, args.length), out, err);
    }
    Command command;
    try {
      command = Command.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    List<FidelityReport> reports = new ArrayList<>();
    List<String> written = new ArrayList<>();
    List<String> notConverted = new ArrayList<>();
    List<String> losses = new ArrayList<>();
    boolean qti3 = "qti3".equals(command.to());
    for (Path file : command.files()) {
      FidelityReport report = validate(file);
      reports.add(report);
      if (command.outDir() != null && !report.complete()) {
        // Not written: say so beside the report, as for questions the target cannot express.
        notConverted.add(
            file
                + ": "
                + (report.refused()
                    ? "refused: " + report.refusal()
                    : report.rejectedCount() + " question(s) rejected, nothing written"));
      }
      if (command.outDir() != null && report.complete()) {
        // All or nothing: a file with a rejected question is reported, never half converted; so is
        // a file with questions the target cannot express (GIFT: ordering, cloze, gap match; QTI
        // 3.0: a cloze with a multiple-response gap).
        List<String> refused =
            qti3
                ? Qti3PackageWriter.notExportable(report.items())
                : GiftWriter.notExportable(report.items());
        if (!refused.isEmpty()) {
          for (String reason : refused) {
            notConverted.add(file + ": " + reason);
          }
          continue;
        }
        Path target = command.outDir().resolve(baseName(file) + (qti3 ? ".zip" : ".gift"));
        try {
          Files.createDirectories(command.outDir());
          if (qti3) {
            Files.write(target, new Qti3PackageWriter().write(report.items()));
            for (String loss : Qti3PackageWriter.losses(report.items())) {
              losses.add(file + ": " + loss);
            }
          } else {
            Files.writeString(
                target, new GiftWriter().write(report.items()), StandardCharsets.UTF_8);
          }
          written.add(target.toString());
        } catch (IOException e) {
          err.println(target + ": cannot be written: " + e.getMessage());
          return 1;
        }
      }
    }
    boolean complete =
        reports.stream().allMatch(FidelityReport::complete) && notConverted.isEmpty();
    StringBuilder json = new StringBuilder("{\"complete\":").append(complete);
    if (command.outDir() != null) {
      json.append(",\"written\":[");
      for (int i = 0; i < written.size(); i++) {
        json.append(i == 0 ? "" : ",").append(jsonString(written.get(i)));
      }
      json.append("],\"notConverted\":[");
      for (int i = 0; i < notConverted.size(); i++) {
        json.append(i == 0 ? "" : ",").append(jsonString(notConverted.get(i)));
      }
      json.append("],\"losses\":[");
      for (int i = 0; i < losses.size(); i++) {
        json.append(i == 0 ? "" : ",").append(jsonString(losses.get(i)));
      }
      json.append("]");
    }
    json.append(",\"reports\":[");
    for (int i = 0; i < reports.size(); i++) {
      json.append(i == 0 ? "" : ",").append(reports.get(i).toJson());
    }
    out.println(json.append("]}"));
    return complete ? 0 : 1;
  }

  /** The command-line usage. */
  public static final String USAGE =
      "usage: lms-items validate FILE...\n"
          + "       lms-items convert FILE... --to gift|qti3 --out DIR"
          + "\n       lms-items verify-receipts FILE... --key BASE64 | --key-file FILE";

  /**
   * A parsed command line: the files, and for {@code convert} the output folder and the target
   * format ({@code gift} or {@code qti3}); both null for {@code validate}.
   */
  record Command(List<Path> files, Path outDir, String to) {
    static Command parse(String[] args) {
      if (args.length < 2) {
        throw new IllegalArgumentException("missing command or files");
      }
      List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
      switch (args[0]) {
        case "validate" -> {
          return new Command(rest.stream().map(Path::of).toList(), null, null);
        }
        case "convert" -> {
          String to = option(rest, "--to");
          String out = option(rest, "--out");
          if (!"gift".equals(to) && !"qti3".equals(to)) {
            throw new IllegalArgumentException("--to must be gift or qti3, was " + to);
          }
          if (out == null || rest.isEmpty()) {
            throw new IllegalArgumentException("convert needs files and --out DIR");
          }
          return new Command(rest.stream().map(Path::of).toList(), Path.of(out), to);
        }
        default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
      }
    }

    private static String option(List<String> rest, String name) {
      int at = rest.indexOf(name);
      if (at < 0 || at + 1 >= rest.size()) {
        return null;
      }
      String value = rest.get(at + 1);
      rest.remove(at + 1);
      rest.remove(at);
      return value;
    }
  }

  // "bank.gift.txt" and "bank.xml" both become "bank": the output gets its own extension.
  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return base.endsWith(".gift") && base.length() > 5
        ? base.substring(0, base.length() - 5)
        : base;
  }

  private static String jsonString(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static FidelityReport validate(Path file) {
    String name = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        return FidelityReport.refused(name, BankFormat.UNKNOWN, "no such file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES && (size > MAX_PACKAGE_BYTES || !startsLikeZip(file))) {
        return FidelityReport.refused(
            name,
            BankFormat.UNKNOWN,
            "larger than "
                + (size > MAX_PACKAGE_BYTES ? MAX_PACKAGE_BYTES + " bytes" : MAX_BYTES + " bytes"));
      }
      byte[] content = Files.readAllBytes(file);
      if (!QtiPackageImporter.isZip(content)
          && QtiPackageImporter.isAssessmentTest(new String(content, StandardCharsets.UTF_8))) {
        // A test file refers to item files next to it: read them from its folder.
        return new QtiPackageImporter().importTestFile(file).report();
      }
      return Importers.importBytes(content, name);
    } catch (IOException e) {
      return FidelityReport.refused(name, BankFormat.UNKNOWN, "cannot be read: " + e.getMessage());
    }
  }

  private static boolean startsLikeZip(Path file) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      return QtiPackageImporter.isZip(in.readNBytes(4));
    }
  }
}
