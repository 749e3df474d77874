package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.WalkerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walker lists exactly what {@link Files#walkFileTree} listed it as, with the same counts and warnings. */
class WalkerTest {
  @TempDir Path root;

  @Test
  void listsWhatWalkFileTreeListed() throws Exception {
    hostileTree();
    WalkerSettings settings = FixtureHarness.catalogue().walker();
    for (boolean defaults : new boolean[] {true, false}) {
      for (List<String> excludes : List.of(List.<String>of(), List.of("deep/**/d3", "*.txt", "!keep.txt", "sub/"))) {
        for (Path start : List.of(root, root.resolve("app"), root.resolve("app/agent.py"), root.resolve("dirlink"), root.resolve("deep"))) {
          String as = start + " defaults=" + defaults + " excludes=" + excludes;
          assertThat(run(new Walker(settings, excludes, defaults), start)).as(as)
              .isEqualTo(run(new WalkFileTreeWalker(settings, excludes, defaults), start));
        }
      }
    }
  }

  @Test
  void entriesAreRelativeToTheRootWithSlashes() throws Exception {
    write("a/b/c.py", "x");
    write("top.py", "x");
    List<String> rels = new ArrayList<>();
    new Walker(FixtureHarness.catalogue().walker(), List.of(), true).walk(root, e -> rels.add(e.relative()));
    Collections.sort(rels);
    assertThat(rels).containsExactly("a/b/c.py", "top.py");
  }

  private interface AnyWalker {
    Walker.Result walk(Path root, java.util.function.Consumer<Walker.Entry> sink) throws IOException;
  }

  private static List<String> run(Object walker, Path start) throws IOException {
    List<String> out = new ArrayList<>();
    AnyWalker w = walker instanceof Walker x ? x::walk : ((WalkFileTreeWalker) walker)::walk;
    Walker.Result r = w.walk(start, e -> out.add(e.relative() + " -> " + e.file() + " (" + e.size() + " bytes)"));
    Collections.sort(out);
    out.add("files " + r.files() + ", skipped " + r.skipped());
    r.warnings().stream().sorted().forEach(s -> out.add("warning " + s));
    return out;
  }

  private void hostileTree() throws Exception {
    write(".gitignore", "ignored/\n*.gen.py\n!keep.gen.py\n/anchored.py\nbuild\n# comment\n\n");
    for (String f : List.of("app/agent.py", "app/x.gen.py", "app/keep.gen.py", "anchored.py", "app/anchored.py", "ignored/a.py",
        "build/out.py", "app/build", "node_modules/pkg/a.js", "app/node_modules/b.js", ".venv/lib/a.py", "env2/lib/a.py",
        "vendor/x/a.go", "pkg/vendor/y/b.go", "bundle.min.js", "app/dist.min.js", "keep.txt", "notes.txt", "sub/s.py",
        "app/sub/t.py", "deep/d1/d2/d3/d4/deep.py", "deep/d1/other.py")) {
      write(f, "import openai\n");
    }
    write(".venv/pyvenv.cfg", "home = /usr/bin\n");
    write("env2/pyvenv.cfg", "home = /usr/bin\n");
    write("vendor/modules.txt", "# github.com/x v1\n");
    write("app/.gitignore", "*.tmp\n!important.tmp\nnested/\n");
    write("app/a.tmp", "x");
    write("app/important.tmp", "x");
    write("app/nested/n.py", "x");
    Files.createDirectories(root.resolve("odd/.gitignore")); // a directory named .gitignore
    write("odd/o.py", "x");
    Files.createDirectories(root.resolve("linkedenv/lib"));
    Files.createSymbolicLink(root.resolve("linkedenv/pyvenv.cfg"), root.resolve("env2/pyvenv.cfg")); // a link counts
    write("linkedenv/lib/l.py", "x");
    Files.createSymbolicLink(root.resolve("app/loop"), root);
    Files.createSymbolicLink(root.resolve("dirlink"), root.resolve("app"));
    Files.createSymbolicLink(root.resolve("filelink.py"), root.resolve("app/agent.py"));
    Files.createSymbolicLink(root.resolve("dangling.py"), root.resolve("nowhere.py"));
    Files.createDirectories(root.resolve("empty"));
    Process fifo = new ProcessBuilder("mkfifo", root.resolve("app/pipe.py").toString()).start();
    fifo.waitFor();
    StringBuilder deep = new StringBuilder("deep");
    for (int i = 0; i < 60; i++) deep.append("/n").append(i);
    write(deep + "/bottom.py", "x");
  }

  private void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
