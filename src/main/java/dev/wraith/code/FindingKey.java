package dev.wraith.code;

import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;

/**
 * What makes two findings of one file the same finding, for the detectors that drop repeats: the first finding with a
 * key is kept, later ones with an equal key are dropped.
 */
public record FindingKey(FindingKind kind, int line, String subject, String provider, String evidence) {
  /** A finding by kind, line, subject, provider and evidence. */
  public static FindingKey of(Finding f) {
    return new FindingKey(f.kind(), f.location().line(), f.subject(), f.provider(), f.evidence());
  }

  /**
   * A finding by kind, line, subject and provider, whatever its evidence: for calls, where one line can name the same
   * client in several spellings and is one finding. Calls that name different providers stay apart, so a provider
   * named by a nested call ({@code AddChatClient(new OllamaChatClient(..))}) is not lost to the outer call's finding.
   */
  public static FindingKey anyEvidence(Finding f) {
    return new FindingKey(f.kind(), f.location().line(), f.subject(), f.provider(), "");
  }
}
