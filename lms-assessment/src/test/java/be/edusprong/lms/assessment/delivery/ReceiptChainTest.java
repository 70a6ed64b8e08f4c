package be.edusprong.lms.assessment.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.delivery.VerificationResult.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReceiptChainTest {

  private static final KeyPair KEYS = ReceiptKeys.generate();
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123Z");

  static List<Receipt> chainOfFive(String attemptId, KeyPair keys) {
    ReceiptChain chain = ReceiptChain.start(attemptId, keys.getPrivate());
    List<Receipt> receipts = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      receipts.add(
          chain.append(
              "q" + i,
              ("{\"choice\":\"" + (char) ('A' + i) + "\"}").getBytes(StandardCharsets.UTF_8),
              i,
              T0.plusSeconds(i * 30L)));
    }
    return receipts;
  }

  private static List<Receipt> replaced(List<Receipt> receipts, int index, Receipt r) {
    List<Receipt> copy = new ArrayList<>(receipts);
    copy.set(index, r);
    return copy;
  }

  @Test
  void chainOfFiveVerifiesAndLinks() {
    List<Receipt> receipts = chainOfFive("att-1", KEYS);
    VerificationResult result = ReceiptChain.verify(receipts, KEYS.getPublic());
    assertTrue(result.ok(), result::detail);
    assertEquals(-1, result.index());
    assertEquals(5, result.receiptCount());
    assertEquals(receipts.get(4).hash(), result.headHash());
    assertEquals(Receipt.GENESIS_HASH, receipts.get(0).previousHash());
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 1, receipts.get(i).sequence());
      if (i > 0) {
        assertEquals(receipts.get(i - 1).hash(), receipts.get(i).previousHash());
      }
    }
    assertTrue(ReceiptChain.verify(receipts, KEYS.getPublic(), "att-1").ok());
  }

  @Test
  void receiptCarriesDigestVersionAndMillisecondTime() {
    ReceiptChain chain = ReceiptChain.start("att-1", KEYS.getPrivate());
    Receipt r =
        chain.append(
            "q1",
            "abc".getBytes(StandardCharsets.US_ASCII),
            3,
            Instant.parse("2025-03-01T10:00:00.123456789Z"));
    // FIPS 180-2 test vector: SHA-256("abc").
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", r.responseDigest());
    assertEquals(3, r.responseVersion());
    assertEquals(Instant.parse("2025-03-01T10:00:00.123Z"), r.serverTime());
    assertEquals(1, chain.lastSequence());
    assertEquals(r.hash(), chain.headHash());
  }

  /** Recomputes the hash and the signature exactly as the Javadoc of Receipt describes them. */
  @Test
  void hashAndSignatureFollowTheDocumentedEncoding() throws Exception {
    Receipt r = chainOfFive("att-ü", KEYS).get(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String field :
        List.of(
            "edusprong-receipt/1",
            r.attemptId(),
            Long.toString(r.sequence()),
            r.itemIdentifier(),
            r.responseDigest(),
            Long.toString(r.responseVersion()),
            Long.toString(r.serverTime().toEpochMilli()),
            r.previousHash())) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      out.write(ByteBuffer.allocate(4).putInt(bytes.length).array());
      out.write(bytes);
    }
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
    assertEquals(HexFormat.of().formatHex(hash), r.hash());
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(KEYS.getPublic());
    verifier.update(hash);
    assertTrue(verifier.verify(Base64.getDecoder().decode(r.signature())));
  }

  @Test
  void lengthPrefixesKeepFieldsFromShifting() {
    Instant t = T0;
    String d = Receipt.digestOf(new byte[0]);
    assertTrue(
        !Receipt.computeHash("a", 1, "1b", d, 1, t, Receipt.GENESIS_HASH)
            .equals(Receipt.computeHash("a1", 1, "b", d, 1, t, Receipt.GENESIS_HASH)));
  }

  static Stream<Arguments> tampers() {
    UnaryOperator<Receipt> attempt =
        r ->
            new Receipt(
                "att-2",
                r.sequence(),
                r.itemIdentifier(),
                r.responseDigest(),
                r.responseVersion(),
                r.serverTime(),
                r.previousHash(),
                r.hash(),
                r.signature());
    UnaryOperator<Receipt> sequence =
        r ->
            new Receipt(
                r.attemptId(),
                r.sequence() + 10,
                r.itemIdentifier(),
                r.responseDigest(),
                r.responseVersion(),
                r.serverTime(),
                r.previousHash(),
                r.hash(),
                r.signature());
    UnaryOperator<Receipt> item =
        r ->
            new Receipt(
                r.attemptId(),
                r.sequence(),
                "q9",
                r.responseDigest(),
                r.responseVersion(),
                r.serverTime(),
                r.previousHash(),
                r.hash(),
                r.signature());
    UnaryOperator<Receipt> digest =
        r ->
            new Receipt(
                r.attemptId(),
                r.sequence(),
                r.itemIdentifier(),
                Receipt.digestOf("{\"choice\":\"Z\"}".getBytes(StandardCharsets.UTF_8)),
                r.responseVersion(),
                r.serverTime(),
                r.previousHash(),
                r.hash(),
                r.signature());
    UnaryOperator<Receipt> version =
        r ->
            new Receipt(
                r.attemptId(),
                r.sequence(),
                r.itemIdentifier(),
                r.responseDigest(),
                r.responseVersion() + 1,
                r.serverTime(),
                r.previousHash(),
                r.hash(),
                r.signature());
    UnaryOperator<Receipt> time =
        r ->
            new Receipt(
                r.attemptId(),
                r.sequence(),
                r.itemIdentifier(),
                r.responseDigest(),
                r.responseVersion(),
                r.serverTime().minusSeconds(600),
                r.previousHash(),
                r.hash(),
                r.signature());
    UnaryOperator<Receipt> previous =
        r ->
            new Receipt(
                r.attemptId(),
                r.sequence(),
                r.itemIdentifier(),
                r.responseDigest(),
                r.responseVersion(),
                r.serverTime(),
                Receipt.digestOf(new byte[] {7}),
                r.hash(),
                r.signature());
    UnaryOperator<Receipt> hash =
        r ->
            new Receipt(
                r.attemptId(),
                r.sequence(),
                r.itemIdentifier(),
                r.responseDigest(),
                r.responseVersion(),
                r.serverTime(),
                r.previousHash(),
                Receipt.digestOf(new byte[] {1}),
                r.signature());
    // The forger changes the item and recomputes the hash, but cannot sign it.
    UnaryOperator<Receipt> rehashed =
        r ->
            new Receipt(
                r.attemptId(),
                r.sequence(),
                "q9",
                r.responseDigest(),
                r.responseVersion(),
                r.serverTime(),
                r.previousHash(),
                Receipt.computeHash(
                    r.attemptId(),
                    r.sequence(),
                    "q9",
                    r.responseDigest(),
                    r.responseVersion(),
                    r.serverTime(),
                    r.previousHash()),
                r.signature());
    UnaryOperator<Receipt> signature =
        r ->
            new Receipt(
                r.attemptId(),
                r.sequence(),
                r.itemIdentifier(),
                r.responseDigest(),
                r.responseVersion(),
                r.serverTime(),
                r.previousHash(),
                r.hash(),
                chainOfFive("att-1", ReceiptKeys.generate()).get(2).signature());
    return Stream.of(
        Arguments.of("attemptId", attempt, Problem.TAMPERED),
        Arguments.of("sequence", sequence, Problem.TAMPERED),
        Arguments.of("itemIdentifier", item, Problem.TAMPERED),
        Arguments.of("responseDigest", digest, Problem.TAMPERED),
        Arguments.of("responseVersion", version, Problem.TAMPERED),
        Arguments.of("serverTime", time, Problem.TAMPERED),
        Arguments.of("previousHash", previous, Problem.TAMPERED),
        Arguments.of("hash", hash, Problem.TAMPERED),
        Arguments.of("item + recomputed hash", rehashed, Problem.BAD_SIGNATURE),
        Arguments.of("signature", signature, Problem.BAD_SIGNATURE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampers")
  void eachSingleFieldTamperIsFoundAtThatReceipt(
      String field, UnaryOperator<Receipt> tamper, Problem expected) {
    List<Receipt> receipts = chainOfFive("att-1", KEYS);
    for (int index = 0; index < 5; index++) {
      List<Receipt> forged = replaced(receipts, index, tamper.apply(receipts.get(index)));
      VerificationResult result = ReceiptChain.verify(forged, KEYS.getPublic());
      assertEquals(expected, result.problem(), field + " at " + index + ": " + result.detail());
      assertEquals(index, result.index(), result.detail());
      assertNull(result.headHash());
    }
  }

  @Test
  void droppedReceiptIsMissing() {
    List<Receipt> receipts = new ArrayList<>(chainOfFive("att-1", KEYS));
    receipts.remove(2);
    VerificationResult result = ReceiptChain.verify(receipts, KEYS.getPublic());
    assertEquals(Problem.MISSING, result.problem());
    assertEquals(2, result.index());
    assertTrue(result.detail().contains("#3 is missing"), result.detail());

    List<Receipt> firstGone = new ArrayList<>(chainOfFive("att-1", KEYS));
    firstGone.remove(0);
    VerificationResult noFirst = ReceiptChain.verify(firstGone, KEYS.getPublic());
    assertEquals(Problem.MISSING, noFirst.problem());
    assertEquals(0, noFirst.index());
  }

  @Test
  void droppedTailVerifiesButItsHeadDiffers() {
    List<Receipt> receipts = chainOfFive("att-1", KEYS);
    VerificationResult result = ReceiptChain.verify(receipts.subList(0, 4), KEYS.getPublic());
    assertTrue(result.ok());
    assertEquals(4, result.receiptCount());
    assertTrue(!receipts.get(4).hash().equals(result.headHash()));
  }

  @Test
  void reorderedReceiptsAreOutOfOrder() {
    List<Receipt> receipts = new ArrayList<>(chainOfFive("att-1", KEYS));
    Receipt third = receipts.get(2);
    receipts.set(2, receipts.get(3));
    receipts.set(3, third);
    VerificationResult result = ReceiptChain.verify(receipts, KEYS.getPublic());
    assertEquals(Problem.OUT_OF_ORDER, result.problem());
    assertEquals(2, result.index());

    List<Receipt> reversed = new ArrayList<>(chainOfFive("att-1", KEYS));
    java.util.Collections.reverse(reversed);
    assertEquals(Problem.OUT_OF_ORDER, ReceiptChain.verify(reversed, KEYS.getPublic()).problem());
  }

  @Test
  void repeatedReceiptIsDuplicate() {
    List<Receipt> receipts = new ArrayList<>(chainOfFive("att-1", KEYS));
    receipts.add(2, receipts.get(1));
    VerificationResult result = ReceiptChain.verify(receipts, KEYS.getPublic());
    assertEquals(Problem.DUPLICATE, result.problem());
    assertEquals(2, result.index());
  }

  @Test
  void wrongPublicKeyIsReportedAtTheFirstReceipt() {
    List<Receipt> receipts = chainOfFive("att-1", KEYS);
    VerificationResult result = ReceiptChain.verify(receipts, ReceiptKeys.generate().getPublic());
    assertEquals(Problem.WRONG_KEY, result.problem());
    assertEquals(0, result.index());
  }

  @Test
  void receiptOfAnotherAttemptIsAMismatch() {
    List<Receipt> mine = chainOfFive("att-1", KEYS);
    List<Receipt> theirs = chainOfFive("att-2", KEYS);
    VerificationResult spliced =
        ReceiptChain.verify(replaced(mine, 3, theirs.get(3)), KEYS.getPublic());
    assertEquals(Problem.ATTEMPT_MISMATCH, spliced.problem());
    assertEquals(3, spliced.index());

    VerificationResult wholeList = ReceiptChain.verify(theirs, KEYS.getPublic(), "att-1");
    assertEquals(Problem.ATTEMPT_MISMATCH, wholeList.problem());
    assertEquals(0, wholeList.index());
  }

  @Test
  void receiptOfAForkedChainBreaksTheLink() {
    List<Receipt> main = chainOfFive("att-1", KEYS);
    ReceiptChain fork = ReceiptChain.resume(main.get(1), KEYS.getPrivate());
    Receipt other = fork.append("q3", "{\"choice\":\"X\"}".getBytes(StandardCharsets.UTF_8), 3, T0);
    assertTrue(
        ReceiptChain.verify(List.of(main.get(0), main.get(1), other), KEYS.getPublic()).ok());

    ReceiptChain stranger = ReceiptChain.start("att-1", KEYS.getPrivate());
    stranger.append("q1", new byte[] {1}, 1, T0);
    stranger.append("q2", new byte[] {2}, 1, T0);
    stranger.append("q3", new byte[] {3}, 1, T0);
    Receipt fourth = stranger.append("q4", new byte[] {4}, 1, T0);
    VerificationResult result = ReceiptChain.verify(replaced(main, 3, fourth), KEYS.getPublic());
    assertEquals(Problem.BROKEN_LINK, result.problem());
    assertEquals(3, result.index());
  }

  @Test
  void resumedChainContinuesTheSameChain() {
    List<Receipt> first = chainOfFive("att-1", KEYS);
    ReceiptChain resumed = ReceiptChain.resume(first.get(4), KEYS.getPrivate());
    assertEquals(5, resumed.lastSequence());
    List<Receipt> all = new ArrayList<>(first);
    all.add(resumed.append("q6", new byte[] {6}, 1, T0.plusSeconds(900)));
    assertEquals(6, all.get(5).sequence());
    VerificationResult result = ReceiptChain.verify(all, KEYS.getPublic());
    assertTrue(result.ok(), result::detail);
    assertEquals(6, result.receiptCount());
  }

  @Test
  void emptyListVerifiesWithTheGenesisHead() {
    VerificationResult result = ReceiptChain.verify(List.of(), KEYS.getPublic());
    assertTrue(result.ok());
    assertEquals(0, result.receiptCount());
    assertEquals(Receipt.GENESIS_HASH, result.headHash());
  }

  @Test
  void onlyEd25519KeysAreAccepted() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair rsaKeys = rsa.generateKeyPair();
    assertThrows(
        IllegalArgumentException.class, () -> ReceiptChain.start("att-1", rsaKeys.getPrivate()));
    KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
    assertThrows(
        IllegalArgumentException.class, () -> ReceiptChain.start("att-1", ed448.getPrivate()));
    assertThrows(
        IllegalArgumentException.class, () -> ReceiptChain.verify(List.of(), rsaKeys.getPublic()));
  }

  @Test
  void malformedReceiptsAreRefused() {
    Receipt r = chainOfFive("att-1", KEYS).get(0);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Receipt(
                "",
                1,
                "q1",
                r.responseDigest(),
                1,
                r.serverTime(),
                r.previousHash(),
                r.hash(),
                r.signature()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Receipt(
                "a",
                0,
                "q1",
                r.responseDigest(),
                1,
                r.serverTime(),
                r.previousHash(),
                r.hash(),
                r.signature()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Receipt(
                "a",
                1,
                "q1",
                r.responseDigest().toUpperCase(),
                1,
                r.serverTime(),
                r.previousHash(),
                r.hash(),
                r.signature()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Receipt(
                "a",
                1,
                "q1",
                r.responseDigest(),
                1,
                r.serverTime().plusNanos(1),
                r.previousHash(),
                r.hash(),
                r.signature()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Receipt(
                "a",
                1,
                "q1",
                r.responseDigest(),
                1,
                r.serverTime(),
                r.previousHash(),
                r.hash(),
                "AAAA"));
  }
}
