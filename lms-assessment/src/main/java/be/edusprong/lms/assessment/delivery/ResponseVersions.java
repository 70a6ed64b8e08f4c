package be.edusprong.lms.assessment.delivery;

import java.util.Objects;

/**
 * The rule that decides what happens to a save, so that a stale tab never overwrites a newer answer
 * (issue 3, point 4: "each save carries a response version. A save older than the stored one is
 * rejected and never overwrites (stale tab); the learner's page says so").
 *
 * <p>Versions are per attempt and item: the exam page numbers the saves of one item 1, 2, 3, ... (a
 * tab that takes over continues from the stored version it loads). The server keeps, per item, the
 * latest accepted version with the digest of its response ({@link Receipt#digestOf(byte[])}) and
 * its receipt, and asks {@link #decide} before writing. Only {@link Decision#ACCEPT} writes; the
 * service does the compare and the write under one row lock (or one conditional update), so the
 * rule holds across instances.
 */
public final class ResponseVersions {

  private ResponseVersions() {}

  /** What to do with an incoming save. */
  public enum Decision {
    /**
     * The save is newer than what is stored (or nothing is stored yet): store it and issue a new
     * receipt. The normal case.
     */
    ACCEPT,
    /**
     * Same version and same response as stored: a retry of a save the server already took, e.g.
     * from the offline queue after the acknowledgement was lost on a weak connection. Nothing is
     * written and the original receipt is returned, so a retry is idempotent and never adds a
     * second receipt for one save.
     */
    DUPLICATE,
    /**
     * Same version as stored but another response: two tabs or devices each raised the same base
     * version to the same number with different answers. The first save to arrive stays; this one
     * is refused and its page must reload the stored answer before it may save again (HTTP 409 in
     * the delivery API).
     */
    CONFLICT,
    /**
     * Older than the stored version: a stale tab, or a late retry of a save that was since
     * replaced. Refused and never written; the page says a newer answer is already saved (HTTP 409
     * with the stored version). For a save the same tab itself has already superseded this is
     * harmless, and its queue drops it.
     */
    STALE;

    /**
     * Whether this decision stores the incoming response.
     *
     * @return true only for {@link #ACCEPT}
     */
    public boolean writes() {
      return this == ACCEPT;
    }
  }

  /**
   * What the server holds for one item of one attempt.
   *
   * @param version the latest accepted response version, {@code >= 1}
   * @param digest lower-case hex SHA-256 of that response's canonical bytes
   */
  public record Stored(long version, String digest) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException when {@code version < 1} or the digest is not 64 lower-case
     *     hex characters
     */
    public Stored {
      requireVersion(version);
      requireDigest(digest);
    }
  }

  /**
   * Decides an incoming save.
   *
   * <table>
   *   <caption>Decision table</caption>
   *   <tr><th>stored</th><th>incoming version</th><th>digest</th><th>decision</th></tr>
   *   <tr><td>none</td><td>any</td><td>any</td><td>ACCEPT</td></tr>
   *   <tr><td>v</td><td>&gt; v</td><td>any</td><td>ACCEPT</td></tr>
   *   <tr><td>v</td><td>= v</td><td>same</td><td>DUPLICATE</td></tr>
   *   <tr><td>v</td><td>= v</td><td>different</td><td>CONFLICT</td></tr>
   *   <tr><td>v</td><td>&lt; v</td><td>any</td><td>STALE</td></tr>
   * </table>
   *
   * @param stored what the server holds for the item, or null when nothing was saved yet
   * @param incomingVersion the save's version, {@code >= 1}
   * @param incomingDigest lower-case hex SHA-256 of the save's canonical response bytes
   * @return the decision
   * @throws IllegalArgumentException when the version is below 1 or the digest malformed
   */
  public static Decision decide(Stored stored, long incomingVersion, String incomingDigest) {
    requireVersion(incomingVersion);
    requireDigest(incomingDigest);
    if (stored == null || incomingVersion > stored.version()) {
      return Decision.ACCEPT;
    }
    if (incomingVersion < stored.version()) {
      return Decision.STALE;
    }
    return stored.digest().equals(incomingDigest) ? Decision.DUPLICATE : Decision.CONFLICT;
  }

  private static void requireVersion(long version) {
    if (version < 1) {
      throw new IllegalArgumentException("a response version is >= 1, was " + version);
    }
  }

  private static void requireDigest(String digest) {
    if (!Hex.isSha256(Objects.requireNonNull(digest, "digest"))) {
      throw new IllegalArgumentException(
          "a response digest is 64 lower-case hex characters, was \"" + digest + "\"");
    }
  }
}
