package dev.wraith.cli;

import dev.wraith.files.FileProblem;
import dev.wraith.files.InputFile;
import java.nio.file.Path;
import java.util.List;

/** Input files given on the command line, checked before anything runs: regular, readable files only. */
final class InputFiles {
  private InputFiles() {}

  /** Throws a usage problem naming the option and the file unless every file is a readable regular file. */
  static void check(String option, List<Path> files) {
    for (Path f : files) {
      try {
        InputFile.check(f);
      } catch (FileProblem e) {
        throw new Main.UsageProblem(option + ": " + e.getMessage());
      }
    }
  }
}
