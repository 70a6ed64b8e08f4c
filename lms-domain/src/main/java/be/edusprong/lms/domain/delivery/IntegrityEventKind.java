package be.edusprong.lms.domain.delivery;

/**
 * What the integrity log of an attempt records (issue 3, point 4: "An integrity log per attempt
 * (start, resume, focus lost/regained, takeover, IP change, submit) that the teacher sees"). The
 * server writes every kind except the two focus kinds, which the exam page reports.
 */
public enum IntegrityEventKind {
  /** The attempt was started; detail: the access rules that were checked. */
  START,
  /** A delivery was opened again on an attempt that had one (reload, crash, other device). */
  RESUME,
  /** A second tab or device took the attempt over after the learner confirmed. */
  TAKEOVER,
  /** A delivery that was taken over tried to save or submit and was refused. */
  LOCKED_OUT,
  /** The exam page lost the focus (another window or tab came to the front). Client-reported. */
  FOCUS_LOST,
  /** The exam page got the focus back. Client-reported. */
  FOCUS_REGAINED,
  /** The delivery spoke from another IP address than before; detail: old and new address. */
  IP_CHANGE,
  /** A save older than the stored response was refused; detail: item, versions. */
  STALE_SAVE,
  /** The learner submitted. */
  SUBMIT,
  /** The server submitted at the deadline. */
  AUTO_SUBMIT;

  /** Whether the exam page may report this kind itself. */
  public boolean clientReported() {
    return this == FOCUS_LOST || this == FOCUS_REGAINED;
  }
}
