package be.edusprong.lms.assessment.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The proof a learner gets for one acknowledged save: an entry in the per-attempt hash chain,
 * signed with the platform's Ed25519 key (issue 3, point 4: "an entry in a per-attempt hash chain
 * (attempt, item, response digest, version, server time) signed with the platform's key").
 *
 * <p><b>Hash.</b> {@code hash} is the lower-case hex SHA-256 of the canonical encoding of the seven
 * content fields. The encoding is a sequence of fields, each written as a 4-byte big-endian
 * unsigned length followed by that many bytes of UTF-8; the fields are, in this order:
 *
 * <ol>
 *   <li>the domain tag {@value #HASH_DOMAIN} (so a receipt hash can never be confused with any
 *       other SHA-256 the platform computes),
 *   <li>{@code attemptId},
 *   <li>{@code sequence} in decimal ASCII,
 *   <li>{@code itemIdentifier},
 *   <li>{@code responseDigest} (64 hex characters),
 *   <li>{@code responseVersion} in decimal ASCII,
 *   <li>{@code serverTime} as milliseconds since the epoch in decimal ASCII (may be negative),
 *   <li>{@code previousHash} (64 hex characters).
 * </ol>
 *
 * The length prefixes make the encoding injective: no byte can move from one field into its
 * neighbour without changing a length, so e.g. item {@code "a1"} / attempt {@code "b"} never hashes
 * like item {@code "a"} / attempt {@code "1b"}. Anybody can recompute it from the export ({@link
 * ReceiptExport}) in a few lines of any language.
 *
 * <p><b>Signature.</b> {@code signature} is the standard base64 (RFC 4648 section 4, padded) of the
 * 64-byte Ed25519 signature (RFC 8032) over the 32 raw bytes of {@code hash} (not over its hex
 * text).
 *
 * <p>The record only checks that each field is well formed; whether the hash, the signature and the
 * links are right is {@link ReceiptChain#verify(java.util.List, java.security.PublicKey)}'s job, so
 * that a tampered receipt can still be parsed and then reported precisely.
 *
 * @param attemptId the attempt the save belongs to, not empty
 * @param sequence position in the attempt's chain, 1-based, {@code >= 1}
 * @param itemIdentifier the item (QTI {@code identifier}) the response answers, not empty
 * @param responseDigest lower-case hex SHA-256 of the canonical response bytes, see {@link
 *     #digestOf(byte[])}
 * @param responseVersion the save's response version, {@code >= 1} (see {@link ResponseVersions})
 * @param serverTime when the server acknowledged the save, whole milliseconds
 * @param previousHash {@code hash} of the receipt before, or {@link #GENESIS_HASH} for sequence 1
 * @param hash lower-case hex SHA-256 of the canonical encoding described above
 * @param signature base64 Ed25519 signature over the 32 bytes of {@code hash}
 */
public record Receipt(
    String attemptId,
    long sequence,
    String itemIdentifier,
    String responseDigest,
    long responseVersion,
    Instant serverTime,
    String previousHash,
    String hash,
    String signature) {

  /** The {@code previousHash} of the first receipt of every chain: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  /** The first field of the canonical encoding, naming the encoding and its version. */
  public static final String HASH_DOMAIN = "edusprong-receipt/1";

  /**
   * Checks that every field is well formed.
   *
   * @throws NullPointerException when a field is null
   * @throws IllegalArgumentException when an identifier is empty, {@code sequence < 1}, {@code
   *     responseVersion < 1}, {@code serverTime} has a fraction of a millisecond, a digest or hash
   *     is not 64 lower-case hex characters, or {@code signature} is not base64 of 64 bytes
   */
  public Receipt {
    Objects.requireNonNull(attemptId, "attemptId");
    Objects.requireNonNull(itemIdentifier, "itemIdentifier");
    Objects.requireNonNull(responseDigest, "responseDigest");
    Objects.requireNonNull(serverTime, "serverTime");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(signature, "signature");
    if (attemptId.isEmpty()) {
      throw new IllegalArgumentException("attemptId must not be empty");
    }
    if (itemIdentifier.isEmpty()) {
      throw new IllegalArgumentException("itemIdentifier must not be empty");
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be >= 1, was " + sequence);
    }
    if (responseVersion < 1) {
      throw new IllegalArgumentException("responseVersion must be >= 1, was " + responseVersion);
    }
    if (serverTime.getNano() % 1_000_000 != 0) {
      throw new IllegalArgumentException("serverTime must be whole milliseconds: " + serverTime);
    }
    requireSha256("responseDigest", responseDigest);
    requireSha256("previousHash", previousHash);
    requireSha256("hash", hash);
    byte[] sig;
    try {
      sig = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("signature is not base64: " + e.getMessage(), e);
    }
    if (sig.length != 64) {
      throw new IllegalArgumentException("signature must be 64 bytes (Ed25519), was " + sig.length);
    }
  }

  private static void requireSha256(String name, String value) {
    if (!Hex.isSha256(value)) {
      throw new IllegalArgumentException(
          name + " must be 64 lower-case hex characters (SHA-256), was \"" + value + "\"");
    }
  }

  /**
   * The digest a receipt carries for a response: SHA-256 over exactly the bytes given. Which bytes
   * are canonical for a response (e.g. its JSON with sorted keys) is the caller's rule; it must be
   * the same for the save and for any later check.
   *
   * @param canonicalResponse the response's canonical bytes
   * @return lower-case hex SHA-256, 64 characters
   */
  public static String digestOf(byte[] canonicalResponse) {
    return Hex.encode(Hex.sha256(canonicalResponse));
  }

  /**
   * The canonical encoding of the content fields, as documented on this class. The arguments are
   * the record components of the same names; they are not validated here.
   *
   * @return the bytes {@code hash} is the SHA-256 of
   */
  public static byte[] canonicalBytes(
      String attemptId,
      long sequence,
      String itemIdentifier,
      String responseDigest,
      long responseVersion,
      Instant serverTime,
      String previousHash) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    field(out, HASH_DOMAIN);
    field(out, attemptId);
    field(out, Long.toString(sequence));
    field(out, itemIdentifier);
    field(out, responseDigest);
    field(out, Long.toString(responseVersion));
    field(out, Long.toString(serverTime.toEpochMilli()));
    field(out, previousHash);
    return out.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    int n = bytes.length;
    out.write(n >>> 24);
    out.write(n >>> 16);
    out.write(n >>> 8);
    out.write(n);
    out.write(bytes, 0, n);
  }

  /**
   * The hash of the content fields as given, in lower-case hex. The arguments are the record
   * components of the same names.
   *
   * @return SHA-256 of {@link #canonicalBytes}; equals {@link #hash()} unless a field was changed
   */
  public static String computeHash(
      String attemptId,
      long sequence,
      String itemIdentifier,
      String responseDigest,
      long responseVersion,
      Instant serverTime,
      String previousHash) {
    return Hex.encode(
        Hex.sha256(
            canonicalBytes(
                attemptId,
                sequence,
                itemIdentifier,
                responseDigest,
                responseVersion,
                serverTime,
                previousHash)));
  }

  /**
   * Recomputes the hash from this receipt's content fields.
   *
   * @return what {@link #hash()} must be for an untampered receipt
   */
  public String expectedHash() {
    return computeHash(
        attemptId,
        sequence,
        itemIdentifier,
        responseDigest,
        responseVersion,
        serverTime,
        previousHash);
  }
}
