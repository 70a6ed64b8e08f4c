package be.edusprong.lms.assessment.delivery;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Lower-case hexadecimal and SHA-256, the two encodings every receipt uses. */
final class Hex {

  private static final HexFormat HEX = HexFormat.of();

  private Hex() {}

  /**
   * SHA-256 of some bytes.
   *
   * @param bytes the input
   * @return the 32-byte digest
   */
  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  static String encode(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static byte[] decode(String hex) {
    return HEX.parseHex(hex);
  }

  /**
   * Whether a string is a SHA-256 value in lower-case hex.
   *
   * @param s the candidate, may be null
   * @return true for exactly 64 characters out of {@code 0-9a-f}
   */
  static boolean isSha256(String s) {
    if (s == null || s.length() != 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
