package dev.wraith.catalogue;

import java.util.List;

/**
 * An SDK or framework as code shows it: the packages that install it, the modules code imports, and the
 * symbols whose calls mean a client, agent, tool, vector store or MCP server is made.
 *
 * @param type SDK for a provider's client library, FRAMEWORK for an agent or LLM framework
 * @param provider the provider its clients talk to by default ("" for multi-provider frameworks)
 * @param packages dependency names, exact, in the ecosystem's own form (PyPI, npm, group:artifact, Go module)
 * @param modules import roots: Python modules, npm specifiers, Java packages, Go import paths
 * @param triggers prefilter tokens: a file is parsed only if one of any signature's tokens occurs in it
 * @param reportImport whether an import with no matched symbol is a finding; false for module names that
 *     local code often reuses (Python's {@code agents}, npm's {@code ai})
 * @param impliedProvider the provider a framework's agents talk to when the code names none (CrewAI and
 *     LangChain default to OpenAI); "" when there is no default. Never an explicit provider of a finding.
 */
public record Signature(
    String id,
    String name,
    Type type,
    Ecosystem ecosystem,
    String provider,
    Maturity maturity,
    List<String> packages,
    List<String> modules,
    List<String> triggers,
    List<Symbol> symbols,
    boolean reportImport,
    String impliedProvider) {

  public enum Type {
    SDK, FRAMEWORK
  }

  /** A signature without a default provider. */
  public Signature(String id, String name, Type type, Ecosystem ecosystem, String provider, Maturity maturity,
      List<String> packages, List<String> modules, List<String> triggers, List<Symbol> symbols, boolean reportImport) {
    this(id, name, type, ecosystem, provider, maturity, packages, modules, triggers, symbols, reportImport, "");
  }

  public Signature {
    packages = List.copyOf(packages);
    modules = List.copyOf(modules);
    triggers = List.copyOf(triggers);
    symbols = List.copyOf(symbols);
  }

  /**
   * True when a module path (or a resolved call name) names one of this signature's modules, a submodule
   * of one, or an instance of one: JS default imports resolve to the module itself, so a client built from
   * one yields names like {@code openai().chat.completions.create}.
   */
  public boolean ownsModule(String module) {
    for (String m : modules) {
      if (module.equals(m)) return true;
      if (module.startsWith(m)) {
        char next = module.charAt(m.length());
        if (next == '.' || next == '/' || next == '(' || next == '\\') return true; // a backslash: PHP namespaces
      }
    }
    return false;
  }
}
