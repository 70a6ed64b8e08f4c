package be.edusprong.lms.assessment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.delivery.Receipt;
import be.edusprong.lms.assessment.delivery.ReceiptChain;
import be.edusprong.lms.assessment.delivery.ReceiptExport;
import be.edusprong.lms.assessment.delivery.ReceiptKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lms-items verify-receipts} on receipt lists made here with {@link ReceiptChain} and a key
 * from {@link ReceiptKeys#generate()}: valid, tampered, wrong key, unreadable, and usage errors.
 */
class VerifyReceiptsTest {
  @TempDir Path dir;

  private static KeyPair keys;
  private static String publicKey;
  private static List<Receipt> receipts;

  @BeforeAll
  static void chain() {
    keys = ReceiptKeys.generate();
    publicKey = ReceiptKeys.encodePublic(keys.getPublic());
    ReceiptChain chain = ReceiptChain.start("att-42", keys.getPrivate());
    List<Receipt> out = new ArrayList<>();
    Instant t = Instant.parse("2026-06-15T09:00:00Z");
    for (int i = 1; i <= 3; i++) {
      out.add(
          chain.append(
              "item-" + i,
              ("{\"choice\":\"" + i + "\"}").getBytes(StandardCharsets.UTF_8),
              1,
              t.plusSeconds(60L * i)));
    }
    receipts = List.copyOf(out);
  }

  @Test
  void aValidListVerifiesWithItsCountAndHead() throws Exception {
    Path list = write("att-42.json", new ReceiptExport("att-42", receipts).toJson());
    Result r = run("verify-receipts", list.toString(), "--key", publicKey);
    assertEquals(0, r.status(), r::out);
    assertTrue(r.json().get("valid").asBoolean());
    JsonNode result = r.json().get("results").get(0);
    assertEquals(list.toString(), result.get("file").asText());
    assertEquals("att-42", result.get("attemptId").asText());
    assertTrue(result.get("valid").asBoolean());
    assertEquals(3, result.get("receiptCount").asInt());
    assertTrue(result.get("problem").isNull());
    assertEquals(-1, result.get("index").asInt());
    assertEquals(receipts.get(2).hash(), result.get("headHash").asText());
    assertTrue(result.get("refusal").isNull());
  }

  @Test
  void aTamperedListFailsAtTheChangedReceipt() throws Exception {
    String json = new ReceiptExport("att-42", receipts).toJson();
    // the learner's second answer "changed" after the fact
    String tampered = json.replaceFirst("\"item-2\"", "\"item-9\"");
    assertTrue(!tampered.equals(json));
    Path good = write("good.json", json);
    Path bad = write("bad.json", tampered);
    Result r = run("verify-receipts", good.toString(), bad.toString(), "--key", publicKey);
    assertEquals(1, r.status(), r::out);
    assertTrue(!r.json().get("valid").asBoolean());
    assertTrue(r.json().get("results").get(0).get("valid").asBoolean());
    JsonNode result = r.json().get("results").get(1);
    assertTrue(!result.get("valid").asBoolean());
    assertEquals("TAMPERED", result.get("problem").asText());
    assertEquals(1, result.get("index").asInt());
    assertTrue(result.get("detail").asText().startsWith("receipt #2"), result::toString);
    assertTrue(result.get("headHash").isNull());
  }

  @Test
  void anotherKeyIsReportedAsTheWrongKey() throws Exception {
    Path list = write("att-42.json", new ReceiptExport("att-42", receipts).toJson());
    String other = ReceiptKeys.encodePublic(ReceiptKeys.generate().getPublic());
    Result r = run("verify-receipts", list.toString(), "--key", other);
    assertEquals(1, r.status(), r::out);
    assertEquals("WRONG_KEY", r.json().get("results").get(0).get("problem").asText());
    assertEquals(0, r.json().get("results").get(0).get("index").asInt());
  }

  @Test
  void theKeyFileMayHoldTheBareKeyOrThePublishedDocument() throws Exception {
    Path list = write("att-42.json", new ReceiptExport("att-42", receipts).toJson());
    Path bare = write("key.txt", publicKey + "\n");
    Path published =
        write("keys.json", "{\"algorithm\":\"Ed25519\",\n \"publicKey\": \"" + publicKey + "\"}");
    for (Path keyFile : List.of(bare, published)) {
      Result r = run("verify-receipts", "--key-file", keyFile.toString(), list.toString());
      assertEquals(0, r.status(), () -> keyFile + ": " + r.out() + r.err());
      assertTrue(r.json().get("results").get(0).get("valid").asBoolean());
    }
  }

  @Test
  void unreadableAndMalformedFilesAreRefusedWithTheReason() throws Exception {
    Path notJson = write("notes.txt", "dit is geen ontvangstbewijs");
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, new byte[] {'{', (byte) 0xE9, '}'});
    Result r =
        run(
            "verify-receipts",
            dir.resolve("bestaat-niet.json").toString(),
            notJson.toString(),
            latin1.toString(),
            "--key",
            publicKey);
    assertEquals(1, r.status(), r::out);
    JsonNode results = r.json().get("results");
    assertEquals(3, results.size());
    assertEquals("no such file", results.get(0).get("refusal").asText());
    assertTrue(
        results.get(1).get("refusal").asText().startsWith("not a receipt list"),
        results.get(1)::toString);
    assertEquals("not UTF-8 text", results.get(2).get("refusal").asText());
    for (JsonNode result : results) {
      assertTrue(!result.get("valid").asBoolean());
      assertTrue(result.get("attemptId").isNull());
      assertEquals(0, result.get("receiptCount").asInt());
    }
  }

  @Test
  void usageErrorsExitWithTwoAndSayHow() throws Exception {
    Path list = write("att-42.json", new ReceiptExport("att-42", receipts).toJson());
    Result noKey = run("verify-receipts", list.toString());
    assertEquals(2, noKey.status());
    assertTrue(noKey.err().contains("--key"), noKey::err);
    assertTrue(noKey.err().contains("lms-items verify-receipts"), noKey::err);
    assertEquals("", noKey.out());

    Result badKey = run("verify-receipts", list.toString(), "--key", "bm90IGEga2V5");
    assertEquals(2, badKey.status());
    assertTrue(badKey.err().contains("not an Ed25519 public key"), badKey::err);

    Result noFiles = run("verify-receipts", "--key", publicKey);
    assertEquals(2, noFiles.status());

    Path rsa = write("rsa.json", "{\"algorithm\":\"RSA\",\"publicKey\":\"" + publicKey + "\"}");
    Result wrongAlgorithm = run("verify-receipts", list.toString(), "--key-file", rsa.toString());
    assertEquals(2, wrongAlgorithm.status());
    assertTrue(wrongAlgorithm.err().contains("not Ed25519"), wrongAlgorithm::err);

    Result missingKeyFile =
        run("verify-receipts", list.toString(), "--key-file", dir.resolve("nope").toString());
    assertEquals(2, missingKeyFile.status());

    Result both =
        run("verify-receipts", list.toString(), "--key", publicKey, "--key-file", "x.txt");
    assertEquals(2, both.status());
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        LmsItems.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    JsonNode json;
    try {
      json = text.isBlank() ? null : new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
    return new Result(status, text, err.toString(StandardCharsets.UTF_8), json);
  }

  private record Result(int status, String out, String err, JsonNode json) {}
}
