package be.edusprong.lms.domain.module;

/** What a module is for. */
public enum ModuleKind {
  /** An open ICT or digital-literacy module for cursisten: self-paced, start any time. */
  OPEN,
  /** A Digisprong ICT module for school teams. */
  DIGISPRONG
}
