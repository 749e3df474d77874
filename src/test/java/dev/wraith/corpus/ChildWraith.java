package dev.wraith.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * wraith commands in a JVM of their own, for inputs only the environment gives (the OCSF delivery token): the child
 * runs each command in turn as {@code wraith} would and leaves its exit code and both streams in files, which the
 * corpus reads back like any output. Same test class path as the corpus.
 */
final class ChildWraith {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChildWraith() {}

  /** Runs {@code commands} in one child JVM with {@code env} added to its environment. */
  static List<Outputs.Run> run(Path dir, Map<String, String> env, List<List<String>> commands) throws Exception {
    Files.createDirectories(dir);
    Path script = dir.resolve("commands.json");
    JSON.writeValue(script.toFile(), commands);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder b = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", cp, ChildWraith.class.getName(),
        dir.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
    b.environment().putAll(env);
    Process p = b.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child JVM did not finish within 300 s: " + Files.readString(dir.resolve("child.log")));
    }
    List<Outputs.Run> runs = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      Path code = dir.resolve(i + ".code");
      if (!Files.exists(code)) throw new AssertionError("the child JVM stopped: " + Files.readString(dir.resolve("child.log")));
      runs.add(new Outputs.Run(Integer.parseInt(Files.readString(code).strip()), Files.readString(dir.resolve(i + ".out")),
          Files.readString(dir.resolve(i + ".err"))));
    }
    return runs;
  }

  /** In the child: {@code DIR} holds commands.json; writes N.out, N.err and N.code for each command. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    List<List<String>> commands = JSON.readValue(dir.resolve("commands.json").toFile(),
        JSON.getTypeFactory().constructCollectionType(List.class, JSON.getTypeFactory().constructCollectionType(List.class, String.class)));
    PrintStream oldOut = System.out, oldErr = System.err;
    for (int i = 0; i < commands.size(); i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code;
      try {
        code = Main.run(commands.get(i).toArray(String[]::new));
      } finally {
        System.setOut(oldOut);
        System.setErr(oldErr);
      }
      Files.write(dir.resolve(i + ".out"), out.toByteArray());
      Files.write(dir.resolve(i + ".err"), err.toByteArray());
      Files.writeString(dir.resolve(i + ".code"), Integer.toString(code));
    }
    System.exit(0); // the HTTP client's threads would keep the child alive
  }
}
