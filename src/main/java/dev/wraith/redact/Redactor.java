package dev.wraith.redact;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.catalogue.SecretRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that decides what wraith may show of what it read: {@link #argv} for an argument list, {@link #text}
 * for free text, {@link #url} for a URL. Rules are catalogue data ({@code catalogue/secrets.yaml}, overlayable); what
 * they match becomes {@value #MASK} and the rest stays as written, so a report still says which flag, variable, header
 * or host held a secret. When in doubt it masks. Redacting twice changes nothing: every result is a fixed point of
 * the rules. Hex content hashes, ids, paths,
 * image names and hostnames are never masked.
 *
 * <p>Collectors call it where they read argument lists, commands, URLs and stderr; every serializer of user output
 * passes its free-text strings through {@link #text} again ({@link RedactingModule} for JSON), so a call site that was
 * missed is still covered. Immutable and thread-safe.
 */
public final class Redactor {
  /** What a masked value becomes. */
  public static final String MASK = "***";
  /**
   * Rules only ever replace text with {@value #MASK}, so applying them again converges at once in practice; the
   * result is what applying them changes no more (idempotence by construction), and an input that does not settle
   * within this many rounds is masked whole.
   */
  private static final int MAX_ROUNDS = 6;

  /**
   * Reports repeat the same short strings thousands of times (names, namespaces, providers, layer words): strings up
   * to {@value #MEMO_CHARS} characters that {@link #text} leaves unchanged are remembered as clean, up to
   * {@value #MEMO_ENTRIES} of them (then no more are added). The rules are a pure function of the text, so a
   * remembered string is clean whenever it comes again. Only text the rules would print verbatim is kept: a string in
   * which anything was masked is never remembered, so a long-running operator or sensor holds no secret it masked.
   */
  private static final int MEMO_CHARS = 256;

  private static final int MEMO_ENTRIES = 1 << 16;

  private final TextPass textPass;
  private final WordPass wordPass;
  private final Set<String> clean = ConcurrentHashMap.newKeySet();

  public Redactor(SecretRules rules) {
    this.textPass = new TextPass(rules);
    this.wordPass = new WordPass(rules, textPass);
  }

  /** The redactor of a loaded catalogue, user overlay included. */
  public static Redactor of(Catalogue catalogue) {
    return new Redactor(catalogue.secrets());
  }

  /**
   * The redactor of the bundled catalogue, for the few places that hold no catalogue (error messages printed before
   * one loaded, the state database's last guard). Everything that has a catalogue uses {@link #of}.
   */
  public static Redactor bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * What an argument list may show, one element for each: values of key-like flags ({@code --api-key X},
   * {@code --token=X}), program-specific flags ({@code mysql -pX}), header and env flags ({@code -H "Authorization: ..."},
   * {@code -e KEY=X}), key-like assignments, URL credentials and queries, token shapes and random-looking words. An
   * argument holding whitespace ({@code sh -c '...'}) is read as a shell script and redacted inside, quotes kept.
   */
  public List<String> argv(List<String> argv) {
    List<String> current = argv;
    for (int i = 0; i < MAX_ROUNDS; i++) {
      List<String> next = wordPass.command(current, 0);
      if (next.equals(current)) return current;
      current = next;
    }
    return new ArrayList<>(java.util.Collections.nCopies(current.size(), MASK));
  }

  /** {@link #argv}, joined with single spaces: the form commands take in reports. */
  public String command(List<String> argv) {
    return String.join(" ", argv(argv));
  }

  /**
   * What a free text may show (a log line, stderr, an evidence line, a message, a field of a report): token shapes,
   * private key blocks, URL credentials and query values, secret headers to the end of the line, key-like assignments
   * ({@code KEY=X}, {@code "apiKey": "X"}, {@code token: X}) and the word after a key-like flag or {@code Bearer}.
   */
  public String text(String text) {
    if (text.length() > MEMO_CHARS) return redactText(text);
    if (clean.contains(text)) return text;
    String result = redactText(text);
    if (result.equals(text) && clean.size() < MEMO_ENTRIES) clean.add(text);
    return result;
  }

  /** Whether {@code text} is remembered as clean (for tests: a masked input never is). */
  boolean remembers(String text) {
    return clean.contains(text);
  }

  private String redactText(String text) {
    String current = text;
    for (int i = 0; i < MAX_ROUNDS && !current.isEmpty(); i++) {
      String next = wordPass.text(textPass.apply(current));
      if (next.equals(current)) return current;
      current = next;
    }
    return current.isEmpty() ? current : MASK;
  }

  /** What a URL may show: scheme, host, port and path; user-info, query and fragment values become {@value #MASK}. */
  public String url(String url) {
    String current = url;
    for (int i = 0; i < MAX_ROUNDS; i++) {
      String next = textPass.apply(current);
      if (next.equals(current)) return current;
      current = next;
    }
    return MASK;
  }

  /**
   * A stream for plain-text output (tables, Markdown, log lines): each line goes through {@link #text} on its way to
   * {@code out}. Closing it writes what is pending and leaves {@code out} open.
   */
  public java.io.OutputStream lines(java.io.OutputStream out) {
    return new RedactingOutput(out, this);
  }

  /** Every element of a list through {@link #text}. */
  public List<String> texts(List<String> values) {
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) out.add(text(v));
    return out;
  }

  /** Loaded on first use only, so callers with a catalogue never pay for a second load. */
  private static final class Bundled {
    static final Redactor INSTANCE = Redactor.of(CatalogueLoader.bundled());
  }
}
