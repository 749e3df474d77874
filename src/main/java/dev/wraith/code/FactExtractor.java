package dev.wraith.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The skeleton of a language extractor: walk one syntax tree in document order, let the language's {@link #visit}
 * record imports, calls and literals at the nodes they stand at, and hand back the {@link SourceFacts}. One instance
 * per extraction (it is mutable while it walks); what differs between languages is {@link #visit} alone.
 */
public abstract class FactExtractor {
  protected final SyntaxTree tree;
  private final List<SourceFacts.Import> imports = new ArrayList<>();
  private final List<SourceFacts.Call> calls = new ArrayList<>();
  private final List<SourceFacts.Literal> literals = new ArrayList<>();

  protected FactExtractor(SyntaxTree tree) {
    this.tree = tree;
  }

  /** Walks the whole tree once and returns what {@link #visit} recorded. */
  public final SourceFacts facts() {
    tree.walk(this::visit);
    return new SourceFacts(imports, calls, literals, tree.hasErrors());
  }

  /** Reads one node; returns false to skip its children. */
  protected abstract boolean visit(int n);

  /** An import of {@code module}, located at node {@code at}. */
  protected final void addImport(String module, int at) {
    imports.add(new SourceFacts.Import(module, tree.line(at), tree.column(at)));
  }

  /** A resolved call named {@code name} with its literal arguments, located at node {@code at}. */
  protected final void addCall(String name, int at, Map<String, String> args) {
    calls.add(new SourceFacts.Call(name, tree.line(at), tree.column(at), args));
  }

  /**
   * A string literal's value (or a name read from the environment), located at node {@code at}; an empty value
   * names nothing and is not recorded.
   */
  protected final void addLiteral(String value, int at) {
    if (!value.isEmpty()) literals.add(new SourceFacts.Literal(value, tree.line(at), tree.column(at)));
  }
}
