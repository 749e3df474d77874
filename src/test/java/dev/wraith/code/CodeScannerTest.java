package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.CodeScan;
import dev.wraith.model.FindingKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walker and scanner on hostile trees: every problem is a warning, the scan goes on. */
class CodeScannerTest {
  @TempDir Path root;

  @Test
  void hostileFilesBecomeWarningsAndTheScanGoesOn() throws IOException {
    write("good.py", "from openai import OpenAI\nclient = OpenAI()\n");
    Files.write(root.resolve("binary.py"), new byte[] {'o', 'p', 'e', 'n', 'a', 'i', 0, 1, 2, 3});
    Files.write(root.resolve("latin1.py"), "import openai\n# caf\u00e9\nc = openai.OpenAI()\n".getBytes(StandardCharsets.ISO_8859_1));
    write("broken.py", "import openai\ndef f(:\n    openai.OpenAI(\n");
    write("deep.py", "import openai\nx = " + "(".repeat(20000) + "1" + ")".repeat(20000) + "\nopenai.OpenAI()\n");
    byte[] huge = new byte[(int) FixtureHarness.catalogue().walker().maxFileBytes() + 10];
    java.util.Arrays.fill(huge, (byte) 'a');
    Files.write(root.resolve("huge.py"), huge);

    CodeScan scan = FixtureHarness.scan(root);

    assertThat(scan.findings()).filteredOn(f -> f.kind() == FindingKind.SDK_CLIENT)
        .extracting(f -> f.location().path()).contains("good.py", "latin1.py", "deep.py");
    assertThat(scan.status().warnings()).anySatisfy(w -> assertThat(w).startsWith("binary.py: binary content"))
        .anySatisfy(w -> assertThat(w).startsWith("latin1.py: not valid UTF-8"))
        .anySatisfy(w -> assertThat(w).startsWith("broken.py: syntax errors"))
        .anySatisfy(w -> assertThat(w).startsWith("huge.py: ").contains("larger than"));
    assertThat(scan.status().state().id()).isEqualTo("partial");
  }

  @Test
  void neverFollowsSymlinksSoLoopsCannotHang() throws IOException {
    write("app/agent.py", "import anthropic\nc = anthropic.Anthropic()\n");
    Files.createSymbolicLink(root.resolve("app/loop"), root);
    Files.createSymbolicLink(root.resolve("outside.py"), Path.of("/etc/hostname"));
    CodeScan scan = FixtureHarness.scan(root);
    assertThat(scan.findings()).extracting(f -> f.location().path()).containsOnly("app/agent.py");
  }

  @Test
  void honoursGitignoreExcludesAndDefaultSkips() throws IOException {
    write(".gitignore", "ignored/\n*.gen.py\n!keep.gen.py\n");
    String client = "import openai\nc = openai.OpenAI()\n";
    write("ignored/a.py", client);
    write("x.gen.py", client);
    write("keep.gen.py", client);
    write("node_modules/pkg/a.py", client);
    write(".venv/pyvenv.cfg", "home = /usr/bin\n");
    write(".venv/lib/a.py", client);
    write("env2/pyvenv.cfg", "home = /usr/bin\n");
    write("env2/lib/a.py", client);
    write("sub/.gitignore", "local.py\n");
    write("sub/local.py", client);
    write("sub/kept.py", client);
    CodeScan scan = FixtureHarness.scan(root);
    assertThat(scan.findings()).extracting(f -> f.location().path()).containsOnly("keep.gen.py", "sub/kept.py");
  }

  @Test
  void outputIsDeterministicAcrossRuns() throws IOException {
    for (int i = 0; i < 30; i++) write("pkg" + (i % 5) + "/m" + i + ".py", "import openai\nc" + i + " = openai.OpenAI()\n");
    assertThat(FixtureHarness.scan(root).findings()).isEqualTo(FixtureHarness.scan(root).findings());
  }

  private void write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }
}
