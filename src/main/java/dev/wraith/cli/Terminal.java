package dev.wraith.cli;

import java.io.Console;

/** Whether wraith talks to a person: progress lines and prompts only go to an interactive terminal. */
final class Terminal {
  private Terminal() {}

  /**
   * True when standard input and output are a terminal. Up to Java 21 a console exists only then; from Java 22 one
   * always exists and {@code Console.isTerminal()} (looked up by name: the build targets Java 17) tells.
   */
  @SuppressWarnings("SystemConsoleNull") // the null check is the answer up to 21 and a guard from 22, where isTerminal() decides
  static boolean interactive() {
    Console console = System.console();
    if (console == null) return false;
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }
}
