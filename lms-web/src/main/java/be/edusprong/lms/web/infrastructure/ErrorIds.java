package be.edusprong.lms.web.infrastructure;

import java.security.SecureRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Error ids: a short random id shown on the error page and written in the server log on the same
 * line as the stack trace, so support can find the one from the other. The browser never sees the
 * stack trace.
 */
public final class ErrorIds {
  private static final Logger LOG = Logger.getLogger("be.edusprong.lms.errors");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  /** Request attribute holding the id of the error being shown. */
  public static final String ATTRIBUTE = "be.edusprong.lms.errorId";

  private ErrorIds() {}

  /**
   * Logs an exception with a new id.
   *
   * @param where the request URI or view, for the log line
   * @return the id, 8 characters from an unambiguous alphabet
   */
  public static String log(String where, Throwable error) {
    char[] id = new char[8];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    String errorId = new String(id);
    LOG.log(Level.SEVERE, "error id " + errorId + " at " + where, error);
    return errorId;
  }
}
