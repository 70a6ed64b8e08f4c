package be.edusprong.lms.assessment.cli;

import be.edusprong.lms.assessment.delivery.ReceiptChain;
import be.edusprong.lms.assessment.delivery.ReceiptExport;
import be.edusprong.lms.assessment.delivery.ReceiptKeys;
import be.edusprong.lms.assessment.delivery.VerificationResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lms-items verify-receipts FILE... --key <base64> | --key-file <file>}: checks exam receipt
 * lists, as a learner or an appeals board does with the list downloaded after an exam (issue 3,
 * point 4: "a documented verify command"; the receipts are described in {@code
 * docs/delivery-api.md}).
 *
 * <p>Each {@code FILE} is a receipt list in the format {@value ReceiptExport#FORMAT} ({@link
 * ReceiptExport#parse}); it is verified with {@link ReceiptChain#verify(List, PublicKey, String)}
 * under the platform's public key, the list's own {@code attemptId} as the expected attempt. The
 * key is never taken from the list: {@code --key} gives it as base64 of the X.509 Ed25519 key
 * ({@link ReceiptKeys#decodePublic}); {@code --key-file} names a file holding either that base64
 * text or the document the platform publishes at {@code GET /api/v1/keys}, {@code
 * {"algorithm":"Ed25519","publicKey":"<base64>"}}.
 *
 * <p>Prints one JSON document on standard output:
 *
 * <pre>
 * {"valid": true|false,               // every list verifies
 *  "results": [                        // one per file, in argument order
 *    {"file": "...", "attemptId": "..."|null, "valid": true|false, "receiptCount": n,
 *     "problem": null|"TAMPERED"|"BAD_SIGNATURE"|"WRONG_KEY"|"ATTEMPT_MISMATCH"|"MISSING"
 *                |"OUT_OF_ORDER"|"DUPLICATE"|"BROKEN_LINK",
 *     "index": -1|i,                   // 0-based position of the first broken receipt
 *     "detail": "...",                 // one sentence for people
 *     "headHash": "<64 hex>"|null,     // the last hash, when the list verifies
 *     "refusal": null|"..."}]}         // why the file could not be read or parsed
 * </pre>
 *
 * A refused file has {@code valid} false, {@code attemptId}, {@code problem} and {@code headHash}
 * null, {@code receiptCount} 0, {@code index} -1 and the reason as {@code detail} and {@code
 * refusal}. A list that verifies cannot show that receipts were cut off its end: compare {@code
 * receiptCount} and {@code headHash} with what the platform states for the attempt ({@link
 * VerificationResult}).
 *
 * <p>Exit status: 0 when every list verifies, 1 when one does not or a file is refused (missing,
 * over {@value LmsItems#MAX_BYTES} bytes, not UTF-8, not a receipt list), 2 for a usage error (no
 * file, no key or both key options, a key that is not an Ed25519 public key, a key file that cannot
 * be read).
 */
final class VerifyReceipts {

  /** The command name. */
  static final String NAME = "verify-receipts";

  /** The largest key file read, in bytes: a key document is a few hundred bytes. */
  static final int MAX_KEY_FILE_BYTES = 64 * 1024;

  private static final Pattern PUBLIC_KEY =
      Pattern.compile("\"publicKey\"\\s*:\\s*\"([^\"\\\\]*)\"");
  private static final Pattern ALGORITHM =
      Pattern.compile("\"algorithm\"\\s*:\\s*\"([^\"\\\\]*)\"");

  private VerifyReceipts() {}

  /** A usage error: exit status 2. */
  static final class Usage extends Exception {
    private static final long serialVersionUID = 1L;

    Usage(String message) {
      super(message);
    }
  }

  /**
   * Runs the command.
   *
   * @param args the arguments after {@value #NAME}: files and one of {@code --key}, {@code
   *     --key-file}, in any order
   * @param out where the JSON document goes
   * @param err where usage errors go
   * @return 0 all verify, 1 one does not or a file is refused, 2 usage error
   */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    PublicKey key;
    List<Path> files = new ArrayList<>();
    try {
      key = parse(args, files);
    } catch (Usage e) {
      err.println(e.getMessage());
      err.println(LmsItems.USAGE);
      return 2;
    }
    boolean allValid = true;
    StringBuilder json = new StringBuilder();
    for (Path file : files) {
      json.append(json.length() == 0 ? "" : ",");
      allValid &= verify(file, key, json);
    }
    out.println("{\"valid\":" + allValid + ",\"results\":[" + json + "]}");
    return allValid ? 0 : 1;
  }

  /** Reads the options; the remaining arguments are the files. */
  static PublicKey parse(List<String> args, List<Path> files) throws Usage {
    String key = null;
    String keyFile = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--key") || a.equals("--key-file")) {
        if (i + 1 >= args.size()) {
          throw new Usage(a + " needs a value");
        }
        if (key != null || keyFile != null) {
          throw new Usage("give the public key once, with --key or --key-file");
        }
        if (a.equals("--key")) {
          key = args.get(++i);
        } else {
          keyFile = args.get(++i);
        }
      } else if (a.startsWith("--")) {
        throw new Usage("unknown option '" + a + "' for " + NAME);
      } else {
        files.add(Path.of(a));
      }
    }
    if (key == null && keyFile == null) {
      throw new Usage(
          NAME
              + " needs the platform's public key: --key <base64> or --key-file <file> (the"
              + " document GET /api/v1/keys returns, or the bare base64 key)");
    }
    if (files.isEmpty()) {
      throw new Usage(NAME + " needs at least one receipt list file");
    }
    String base64 = key != null ? key : keyFromFile(Path.of(keyFile));
    try {
      return ReceiptKeys.decodePublic(base64);
    } catch (IllegalArgumentException e) {
      throw new Usage(
          (keyFile != null ? keyFile + ": " : "--key: ")
              + "not an Ed25519 public key (base64 of its X.509 encoding): "
              + e.getMessage());
    }
  }

  /** The base64 key in a key file: the whole text, or the publicKey member of a key document. */
  private static String keyFromFile(Path file) throws Usage {
    String text;
    try {
      if (!Files.isRegularFile(file)) {
        throw new Usage(file + ": key file not found");
      }
      if (Files.size(file) > MAX_KEY_FILE_BYTES) {
        throw new Usage(file + ": larger than " + MAX_KEY_FILE_BYTES + " bytes, not a key file");
      }
      text = strictUtf8(Files.readAllBytes(file)).strip();
    } catch (IOException e) {
      throw new Usage(file + ": key file cannot be read: " + e.getMessage());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    if (!text.startsWith("{")) {
      return text;
    }
    Matcher algorithm = ALGORITHM.matcher(text);
    if (algorithm.find() && !algorithm.group(1).equals("Ed25519")) {
      throw new Usage(
          file + ": the key document names algorithm \"" + algorithm.group(1) + "\", not Ed25519");
    }
    Matcher key = PUBLIC_KEY.matcher(text);
    if (!key.find()) {
      throw new Usage(file + ": the key document has no \"publicKey\" string member");
    }
    return key.group(1);
  }

  /** Verifies one file and appends its result object; returns whether it verified. */
  private static boolean verify(Path file, PublicKey key, StringBuilder json) {
    String name = file.toString();
    ReceiptExport list;
    try {
      list = ReceiptExport.parse(read(file));
    } catch (IOException e) {
      refusal(json, name, "cannot be read: " + e.getMessage());
      return false;
    } catch (IllegalArgumentException e) {
      refusal(json, name, "not a receipt list (" + ReceiptExport.FORMAT + "): " + e.getMessage());
      return false;
    } catch (Refused e) {
      refusal(json, name, e.getMessage());
      return false;
    }
    VerificationResult r = ReceiptChain.verify(list.receipts(), key, list.attemptId());
    json.append("{\"file\":")
        .append(string(name))
        .append(",\"attemptId\":")
        .append(string(list.attemptId()))
        .append(",\"valid\":")
        .append(r.ok())
        .append(",\"receiptCount\":")
        .append(r.receiptCount())
        .append(",\"problem\":")
        .append(r.problem() == null ? "null" : string(r.problem().name()))
        .append(",\"index\":")
        .append(r.index())
        .append(",\"detail\":")
        .append(string(r.detail()))
        .append(",\"headHash\":")
        .append(r.headHash() == null ? "null" : string(r.headHash()))
        .append(",\"refusal\":null}");
    return r.ok();
  }

  /** A file refused before parsing. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private static String read(Path file) throws IOException, Refused {
    if (!Files.isRegularFile(file)) {
      throw new Refused("no such file");
    }
    if (Files.size(file) > LmsItems.MAX_BYTES) {
      throw new Refused("larger than " + LmsItems.MAX_BYTES + " bytes");
    }
    try {
      String text = strictUtf8(Files.readAllBytes(file));
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new Refused("not UTF-8 text");
    }
  }

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static void refusal(StringBuilder json, String name, String reason) {
    json.append("{\"file\":")
        .append(string(name))
        .append(",\"attemptId\":null,\"valid\":false,\"receiptCount\":0,\"problem\":null")
        .append(",\"index\":-1,\"detail\":")
        .append(string(reason))
        .append(",\"headHash\":null,\"refusal\":")
        .append(string(reason))
        .append('}');
  }

  private static String string(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
