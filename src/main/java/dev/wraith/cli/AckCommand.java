package dev.wraith.cli;

import dev.wraith.model.Classification;
import dev.wraith.model.InventoryAgent;
import dev.wraith.state.StateException;
import dev.wraith.state.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wraith ack}: records in the state database that someone looked at an agent. */
@Command(
    name = "ack",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Records that someone looked at an agent, with a note saying what was found or done. A GHOST that stopped "
            + "running stays listed (inactive, with its risk and evidence) until it is acknowledged this way; the next "
            + "scan-all then no longer lists it. If it runs again, it is listed again. An agent that is running is "
            + "still listed after an acknowledgement, with the note in its reasons (to stop a known agent from being a "
            + "GHOST, put it on an allow-list). 'wraith history --agent ID' shows every acknowledgement.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith ack 0bad5c --note \"INC-4711: debug script, removed by platform\"",
        "  wraith ack 0bad5c7e19aa4f02 --note \"reviewed, owner: team-search\" \\",
        "      --state ci.db"
    })
final class AckCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().ok("recorded").usage("no such database or agent", "the database cannot be written");
  }

  /** Notes end up in every report: one line of readable text, bounded. */
  static final int MAX_NOTE = 500;

  @Mixin StateOptions state = new StateOptions();

  @Parameters(index = "0", paramLabel = "ID", description = "The agent: its full id or a unique prefix (as reports show it).")
  String agent;

  @Option(names = "--note", required = true, paramLabel = "TEXT",
      description = "What was found or done (one line, at most " + MAX_NOTE + " characters); shown in every report.")
  String note;

  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    // The note is stored in the state database and printed in every report: a pasted token is masked before either.
    String text = dev.wraith.redact.Redactor.bundled().text(note.strip());
    if (text.isEmpty()) throw new Main.UsageProblem("--note is empty: say what was found or done");
    if (text.length() > MAX_NOTE) throw new Main.UsageProblem("--note is " + text.length() + " characters; at most " + MAX_NOTE);
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new Main.UsageProblem("--note must be one line of text, without control characters");
    }
    try (StateStore store = state.openExisting()) {
      String id = HistoryCommand.resolve(store, agent);
      Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      InventoryAgent a = store.acknowledge(id, new InventoryAgent.Acknowledgement(now, text));
      if (!text.equals(note.strip())) System.out.println("the note held what looks like a secret: it is stored masked");
      System.out.println("acknowledged " + a.classification().label() + " " + a.name() + " (" + id + ") at " + now);
      boolean runtimeOnly = a.code().isEmpty()
          && (a.classification() == Classification.GHOST || a.classification() == Classification.SHADOW_AI);
      if (runtimeOnly && !a.inactive()) {
        System.out.println("it was running at the last scan: it stays listed while it runs, with this note");
      } else if (runtimeOnly) {
        System.out.println("the next scan-all no longer lists it, unless it runs again");
      }
    } catch (StateException e) {
      throw new Main.UsageProblem(e.getMessage());
    }
    return Main.OK;
  }
}
