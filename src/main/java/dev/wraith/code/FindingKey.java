package dev.wraith.code;

import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;

/**
 * What makes two findings of one file the same finding, for the detectors that drop repeats: the first finding with a
 * key is kept, later ones with an equal key are dropped.
 */
public record FindingKey(FindingKind kind, int line, String subject, String evidence) {
  /** A finding by kind, line, subject and evidence. */
  public static FindingKey of(Finding f) {
    return new FindingKey(f.kind(), f.location().line(), f.subject(), f.evidence());
  }

  /**
   * A finding by kind, line and subject, whatever its evidence: for calls, where one line can name the same client in
   * several spellings and is one finding.
   */
  public static FindingKey anyEvidence(Finding f) {
    return new FindingKey(f.kind(), f.location().line(), f.subject(), "");
  }
}
