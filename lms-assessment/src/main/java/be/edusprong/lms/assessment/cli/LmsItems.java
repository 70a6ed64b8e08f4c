package be.edusprong.lms.assessment.cli;

import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.Importers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * A file that cannot be read (missing, over {@value #MAX_BYTES} bytes, not UTF-8) gets a refused
 * report with the reason. Exit status: 0 when every file is complete, 1 when any question was
 * rejected or any file refused, 2 for a usage error.
 */
public final class LmsItems {
  /** The largest file read, in bytes (20 MiB). */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

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
    if (args.length < 2 || !"validate".equals(args[0])) {
      err.println("usage: lms-items validate FILE...");
      return 2;
    }
    List<FidelityReport> reports = new ArrayList<>();
    for (String name : Arrays.asList(args).subList(1, args.length)) {
      reports.add(validate(Path.of(name)));
    }
    boolean complete = reports.stream().allMatch(FidelityReport::complete);
    StringBuilder json =
        new StringBuilder("{\"complete\":").append(complete).append(",\"reports\":[");
    for (int i = 0; i < reports.size(); i++) {
      json.append(i == 0 ? "" : ",").append(reports.get(i).toJson());
    }
    out.println(json.append("]}"));
    return complete ? 0 : 1;
  }

  static FidelityReport validate(Path file) {
    String name = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        return FidelityReport.refused(name, BankFormat.UNKNOWN, "no such file");
      }
      if (Files.size(file) > MAX_BYTES) {
        return FidelityReport.refused(
            name, BankFormat.UNKNOWN, "larger than " + MAX_BYTES + " bytes");
      }
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
      return Importers.importFile(text, name);
    } catch (CharacterCodingException e) {
      return FidelityReport.refused(
          name, BankFormat.UNKNOWN, "not UTF-8 text (save the file as UTF-8)");
    } catch (IOException e) {
      return FidelityReport.refused(name, BankFormat.UNKNOWN, "cannot be read: " + e.getMessage());
    }
  }
}
