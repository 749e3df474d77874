package dev.wraith.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.FixtureHarness;
import dev.wraith.model.CodeScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeLayerTest {
  @Test
  void theProgressLineCountsTheAgentsTheTableLists(@TempDir Path root) throws IOException {
    // two AI files of one project are one agent in the table; the progress line must not say two
    Path bot = Files.createDirectories(root.resolve("support-bot"));
    Files.writeString(bot.resolve("pyproject.toml"), "[project]\nname = \"support-bot\"\ndependencies = [\"openai\"]\n");
    Files.writeString(bot.resolve("chat.py"), "from openai import OpenAI\nc = OpenAI()\n");
    Files.writeString(bot.resolve("embed.py"), "from openai import OpenAI\ne = OpenAI().embeddings\n");
    CodeScan scan = FixtureHarness.scan(root);
    assertThat(scan.agents()).hasSize(2);
    assertThat(scan.deployables()).hasSize(1);
    assertThat(CodeLayer.summary(scan)).isEqualTo("3 files read, 1 agent in code, 0 deployment files");
  }
}
