package dev.wraith.host;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits NUL-separated /proc files (cmdline, environ) and keeps secrets out of the model: environ yields
 * names only, and argv values that follow a secret-named flag ({@code --api-key X}, {@code --token=X}) or
 * look like a provider key are replaced with "***".
 */
public final class CommandLine {
  static final String REDACTED = "***";
  private static final Pattern SECRET_FLAG = Pattern.compile("--?[a-z0-9_-]*(key|token|secret|password|passwd|auth)[a-z0-9_-]*",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SECRET_VALUE = Pattern.compile(
      "(sk-[A-Za-z0-9_-]{16,}|sk-ant-[A-Za-z0-9_-]{16,}|hf_[A-Za-z0-9]{20,}|gsk_[A-Za-z0-9]{20,}|AIza[0-9A-Za-z_-]{30,}|xai-[A-Za-z0-9]{20,}|pcsk_[A-Za-z0-9_]{20,})");

  private CommandLine() {}

  /** argv from /proc/PID/cmdline, redacted. Empty for kernel threads. */
  static List<String> argv(byte[] cmdline) {
    return redact(split(cmdline));
  }

  /**
   * argv with secret values replaced by "***" (the same rules as /proc cmdline); shared with the Tetragon
   * layer, whose events carry the command line as text.
   */
  public static List<String> redact(List<String> raw) {
    List<String> out = new ArrayList<>(raw.size());
    boolean nextIsSecret = false;
    for (String a : raw) {
      if (nextIsSecret) {
        out.add(REDACTED);
        nextIsSecret = false;
        continue;
      }
      int eq = a.indexOf('=');
      String flag = eq > 0 ? a.substring(0, eq) : a;
      if (SECRET_FLAG.matcher(flag).matches()) {
        if (eq > 0) out.add(flag + "=" + REDACTED);
        else {
          out.add(a);
          nextIsSecret = true;
        }
      } else {
        out.add(SECRET_VALUE.matcher(a).replaceAll(REDACTED));
      }
    }
    return out;
  }

  /**
   * Variable names from /proc/PID/environ. Each entry is cut at its first '=' and the value dropped before
   * anything else sees it; names are sorted and de-duplicated.
   */
  static List<String> envNames(byte[] environ) {
    List<String> names = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= environ.length; i++) {
      if (i == environ.length || environ[i] == 0) {
        int eq = start;
        while (eq < i && environ[eq] != '=') eq++;
        if (eq > start) names.add(new String(environ, start, eq - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return names.stream().distinct().sorted().toList();
  }

  static List<String> split(byte[] nulSeparated) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < nulSeparated.length; i++) {
      if (nulSeparated[i] == 0) {
        parts.add(new String(nulSeparated, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    if (start < nulSeparated.length) parts.add(new String(nulSeparated, start, nulSeparated.length - start, StandardCharsets.UTF_8));
    return parts;
  }

  /** The program's base name without version digits: "python3.11" → "python", "/usr/bin/node" → "node". */
  public static String program(String argv0) {
    String base = argv0.substring(argv0.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return base.replaceAll("[0-9.]+$", "");
  }
}
