package dev.wraith.mcp;

import dev.wraith.catalogue.Ecosystem;
import dev.wraith.catalogue.McpPublisher;
import dev.wraith.model.McpPackage;
import dev.wraith.model.McpReason;
import dev.wraith.model.McpReason.Kind;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies a server's publisher by exact match against the catalogue (see {@link McpPublisher}) and collects
 * {@link McpReason}s in the order of their kinds. A typosquat is a name within
 * edit distance {@value #TYPO_DISTANCE} of a catalogue name of the same ecosystem but not equal to it.
 */
final class Verifier {
  static final int TYPO_DISTANCE = 2;
  private final List<McpPublisher> publishers;

  Verifier(List<McpPublisher> publishers) {
    this.publishers = List.copyOf(publishers);
  }

  McpVerdict verify(McpServer s) {
    List<McpReason> reasons = new ArrayList<>();
    Optional<McpPublisher> match = s.url().isEmpty() ? pkg(s.pkg(), reasons) : remote(s, reasons);
    boolean verified = match.isPresent() && reasons.stream().noneMatch(r -> r.kind() == Kind.PLAIN_HTTP);
    return new McpVerdict(verified, match.map(McpPublisher::id).orElse(""), reasons);
  }

  private Optional<McpPublisher> pkg(McpPackage p, List<McpReason> reasons) {
    Optional<McpPublisher> match = switch (p.ecosystem()) {
      case NPM -> known(p.name(), McpPublisher::hasNpm, McpPublisher::npm, reasons);
      case PYPI -> known(Ecosystem.PYPI.normalisePackage(p.name()), McpPublisher::hasPypi,
          m -> m.pypi().stream().map(Ecosystem.PYPI::normalisePackage).toList(), reasons);
      case IMAGE -> known(p.name(), McpPublisher::hasImage, McpPublisher::images, reasons);
      case LOCAL -> {
        reasons.add(McpReason.of(Kind.LOCAL_SCRIPT));
        yield Optional.empty();
      }
      case PROGRAM -> {
        reasons.add(McpReason.of(Kind.PROGRAM));
        yield Optional.empty();
      }
      case NONE -> Optional.empty();
    };
    if (p.ecosystem() == McpPackage.Ecosystem.NPM || p.ecosystem() == McpPackage.Ecosystem.PYPI || p.ecosystem() == McpPackage.Ecosystem.IMAGE) pin(p, reasons);
    return match;
  }

  private Optional<McpPublisher> known(String name, Matcher test, Function<McpPublisher, List<String>> names, List<McpReason> reasons) {
    for (McpPublisher m : publishers) if (test.matches(m, name)) return Optional.of(m);
    reasons.add(McpReason.of(Kind.UNKNOWN_PACKAGE));
    for (McpPublisher m : publishers) {
      for (String official : names.apply(m)) {
        if (distance(name, official) <= TYPO_DISTANCE) {
          reasons.add(McpReason.typosquat(official));
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static void pin(McpPackage p, List<McpReason> reasons) {
    String v = p.version();
    if (v.equalsIgnoreCase("latest")) reasons.add(McpReason.of(Kind.LATEST_TAG));
    else if (v.isEmpty() || (!Character.isDigit(v.charAt(0)) && !v.startsWith("sha256:") && !v.startsWith("v"))) reasons.add(McpReason.of(Kind.UNPINNED));
  }

  private Optional<McpPublisher> remote(McpServer s, List<McpReason> reasons) {
    if (!s.url().startsWith("https://")) reasons.add(McpReason.of(Kind.PLAIN_HTTP));
    for (McpPublisher m : publishers) if (m.hasHost(s.host())) return Optional.of(m);
    reasons.add(McpReason.of(Kind.UNKNOWN_HOST));
    return Optional.empty();
  }

  /** Levenshtein distance; names are short, so the quadratic table is fine. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
      }
      prev = cur;
    }
    return prev[b.length()];
  }

  /** Exact-match test of one publisher. */
  private interface Matcher {
    boolean matches(McpPublisher m, String name);
  }
}
