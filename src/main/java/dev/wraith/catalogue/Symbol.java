package dev.wraith.catalogue;

import dev.wraith.model.FindingKind;
import java.util.List;

/**
 * A call that means something: {@code call} is a glob over the resolved, fully qualified call name that
 * language extractors produce ({@code module.Symbol}, {@code module.Class().method} for a method on an
 * instance). In the glob, '**' matches anything and '*' anything but '.', '/' and the parentheses of a call
 * ({@code X.Add*} must not claim {@code X.AddClient().Build}, the result of the call, through the continuation). A call also matches when
 * it continues the pattern with '.' and member names only (a builder such as {@code OpenAiChatModel.builder});
 * the continuation never passes a call, so a bare module ({@code openai}, a JS default import) does not
 * claim methods of instances built from the module's other exports ({@code openai.AzureOpenAI().responses.create}).
 *
 * @param provider overrides the signature's provider ("" = inherit)
 * @param capabilities capabilities the call always grants (code-exec, shell, filesystem, network, ...)
 * @param when capabilities granted by argument values
 * @param modelArg the argument that names the model: a keyword, or "#0" for the first positional
 * @param only argument filters; the symbol matches only calls that pass one (empty = every call)
 */
public record Symbol(
    String call,
    CallGlob glob,
    FindingKind kind,
    String provider,
    List<String> capabilities,
    List<ArgCapability> when,
    String modelArg,
    List<ArgFilter> only) {

  public Symbol {
    capabilities = List.copyOf(capabilities);
    when = List.copyOf(when);
    only = List.copyOf(only);
  }

  /**
   * Restricts a symbol to calls where an argument has one of the given literal values, e.g.
   * {@code boto3.client} only with "bedrock-runtime". A symbol with several filters matches when any holds.
   */
  public record ArgFilter(String arg, List<String> values) {
    public ArgFilter {
      values = List.copyOf(values);
    }
  }

  /** Whether the call's arguments satisfy {@link #only}. */
  public boolean argsAllow(java.util.Map<String, String> args) {
    if (only.isEmpty()) return true;
    for (ArgFilter f : only) if (f.values().contains(args.getOrDefault(f.arg(), "\0"))) return true;
    return false;
  }

  /** A capability switched on by an argument: present at all, equal to a literal, or not equal to one. */
  public record ArgCapability(String arg, String equals, String notEquals, String capability) {
    public boolean holds(java.util.Map<String, String> args) {
      if (!args.containsKey(arg)) return false;
      String v = args.get(arg);
      if (!equals.isEmpty()) return equals.equals(v);
      if (!notEquals.isEmpty()) return !notEquals.equals(v);
      return true;
    }
  }

  public boolean matches(String resolvedCall) {
    return glob.matches(resolvedCall);
  }
}
