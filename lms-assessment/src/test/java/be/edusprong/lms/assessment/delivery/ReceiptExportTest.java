package be.edusprong.lms.assessment.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.delivery.VerificationResult.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptExportTest {

  private static final KeyPair KEYS = ReceiptKeys.generate();

  @Test
  void exportRoundTripsAndStillVerifies() {
    List<Receipt> receipts = ReceiptChainTest.chainOfFive("att-1", KEYS);
    ReceiptExport export = new ReceiptExport("att-1", receipts);
    String json = export.toJson();
    ReceiptExport back = ReceiptExport.parse(json);
    assertEquals(export, back);
    assertEquals(receipts, back.receipts());
    VerificationResult result =
        ReceiptChain.verify(back.receipts(), KEYS.getPublic(), back.attemptId());
    assertTrue(result.ok(), result::detail);
  }

  @Test
  void exportHasTheDocumentedShape() throws Exception {
    List<Receipt> receipts = ReceiptChainTest.chainOfFive("att-1", KEYS);
    JsonNode root = new ObjectMapper().readTree(new ReceiptExport("att-1", receipts).toJson());
    assertEquals("edusprong-receipts/1", root.get("format").asText());
    assertEquals("att-1", root.get("attemptId").asText());
    assertEquals(5, root.get("receipts").size());
    JsonNode first = root.get("receipts").get(0);
    assertEquals(
        List.of(
            "attemptId",
            "sequence",
            "itemIdentifier",
            "responseDigest",
            "responseVersion",
            "serverTime",
            "previousHash",
            "hash",
            "signature"),
        iterableToList(first.fieldNames()));
    assertTrue(first.get("sequence").isIntegralNumber());
    assertTrue(first.get("responseVersion").isIntegralNumber());
    assertEquals("2025-03-01T10:00:30.123Z", first.get("serverTime").asText());
    assertEquals(Receipt.GENESIS_HASH, first.get("previousHash").asText());
  }

  private static List<String> iterableToList(java.util.Iterator<String> it) {
    List<String> list = new java.util.ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }

  @Test
  void oddCharactersAndWholeSecondsSurvive() throws Exception {
    String attempt = "att \"7\" \\ é ✓ \u0001 \n";
    ReceiptChain chain = ReceiptChain.start(attempt, KEYS.getPrivate());
    List<Receipt> receipts =
        List.of(
            chain.append("vraag\t1", "ja".getBytes(StandardCharsets.UTF_8), 1, Instant.EPOCH),
            chain.append(
                "vraag/2", "nee".getBytes(StandardCharsets.UTF_8), 2, Instant.ofEpochMilli(-5)));
    String json = new ReceiptExport(attempt, receipts).toJson();
    assertEquals(attempt, new ObjectMapper().readTree(json).get("attemptId").asText());
    ReceiptExport back = ReceiptExport.parse(json);
    assertEquals(receipts, back.receipts());
    assertTrue(ReceiptChain.verify(back.receipts(), KEYS.getPublic(), attempt).ok());
  }

  @Test
  void emptyListRoundTrips() {
    ReceiptExport empty = new ReceiptExport("att-1", List.of());
    assertEquals(empty, ReceiptExport.parse(empty.toJson()));
  }

  @Test
  void parsesAnyWriterAndIgnoresUnknownMembers() throws Exception {
    Receipt r = ReceiptChainTest.chainOfFive("att-1", KEYS).get(0);
    String compact =
        "{\"extra\":[1,2.5e3,true,null,{}],\"receipts\":[{\"signature\":\""
            + r.signature()
            + "\",\"hash\":\""
            + r.hash()
            + "\",\"previousHash\":\""
            + r.previousHash()
            + "\",\"serverTime\":\""
            + r.serverTime()
            + "\",\"responseVersion\":1,\"responseDigest\":\""
            + r.responseDigest()
            + "\",\"itemIdentifier\":\"\\u0071\\u0031\",\"sequence\":1,\"attemptId\":\"att-1\","
            + "\"note\":\"x\"}],\"attemptId\":\"att-1\",\"format\":\"edusprong-receipts/1\"}";
    assertEquals(List.of(r), ReceiptExport.parse(compact).receipts());
  }

  @Test
  void editedFileParsesButFailsVerification() {
    List<Receipt> receipts = ReceiptChainTest.chainOfFive("att-1", KEYS);
    String json = new ReceiptExport("att-1", receipts).toJson();
    String edited = json.replace("\"itemIdentifier\": \"q3\"", "\"itemIdentifier\": \"q4\"");
    assertTrue(!edited.equals(json));
    ReceiptExport back = ReceiptExport.parse(edited);
    VerificationResult result =
        ReceiptChain.verify(back.receipts(), KEYS.getPublic(), back.attemptId());
    assertEquals(Problem.TAMPERED, result.problem());
    assertEquals(2, result.index());
  }

  @Test
  void malformedFilesAreRefusedWithWhereAndWhy() {
    String json = new ReceiptExport("att-1", ReceiptChainTest.chainOfFive("att-1", KEYS)).toJson();
    IllegalArgumentException truncated =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReceiptExport.parse(json.substring(0, json.length() / 2)));
    assertTrue(truncated.getMessage().contains("offset"), truncated.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ReceiptExport.parse(json + "x"));
    assertThrows(IllegalArgumentException.class, () -> ReceiptExport.parse("[]"));
    IllegalArgumentException format =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReceiptExport.parse(json.replace("edusprong-receipts/1", "qti-result/3")));
    assertTrue(format.getMessage().contains("not a receipt list"), format.getMessage());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReceiptExport.parse(json.replaceFirst("\"sequence\"", "\"seq\"")));
    assertTrue(missing.getMessage().contains("receipt 1"), missing.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ReceiptExport.parse(json.replaceFirst("\"sequence\": 1", "\"sequence\": 1.5")));
    assertThrows(
        IllegalArgumentException.class,
        () -> ReceiptExport.parse(json.replaceFirst("\"sequence\": 1", "\"sequence\": \"1\"")));
    assertThrows(
        IllegalArgumentException.class,
        () -> ReceiptExport.parse(json.replaceFirst("2025-03-01T", "01/03/2025 ")));
    IllegalArgumentException badHash =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReceiptExport.parse(json.replaceFirst("\"hash\": \"", "\"hash\": \"zz")));
    assertTrue(badHash.getMessage().contains("hash"), badHash.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ReceiptExport.parse("{\"a\":1,\"a\":2}"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ReceiptExport.parse("[".repeat(100) + "]".repeat(100)));
  }
}
