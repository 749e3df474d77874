package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.correlate.SubjectKey.Declared;
import dev.wraith.correlate.SubjectKey.Observed;
import dev.wraith.correlate.SubjectKey.PlaceKey;
import dev.wraith.correlate.SubjectKey.Running;
import dev.wraith.correlate.SubjectKey.Shape;
import dev.wraith.model.ProcessOrigin;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Subject keys as records: two different subjects never render the same canonical text (so never share an agent id),
 * the order is the canonical text's, and the texts agent ids were always hashed from come out unchanged
 * (AgentIdsTest pins the ids themselves).
 */
class SubjectKeyTest {
  /** Names made of the separators, the escape character, escapes and the words of the rendering. */
  static Arbitrary<String> names() {
    return Arbitraries.of("a", "/", "|", "@", "%", "%7C", "%2F", " ", "2", "exec", "node", "container", "script:", "exe:")
        .list().ofMaxSize(5).map(parts -> String.join("", parts));
  }

  static Arbitrary<WorkloadId> workloads() {
    return Combinators.combine(names(), names(), names(), names()).as(WorkloadId::new);
  }

  @Provide
  Arbitrary<SubjectKey> keys() {
    Arbitrary<PlaceKey> place = Arbitraries.oneOf(
        Combinators.combine(workloads(), names()).as(PlaceKey.Workload::new),
        Combinators.combine(names(), names()).as(PlaceKey.Pod::new),
        names().map(PlaceKey.Node::new));
    Arbitrary<Shape> shape = Arbitraries.oneOf(names().map(Shape.Script::new), names().map(Shape.Program::new));
    return Arbitraries.oneOf(
        Combinators.combine(place, Arbitraries.of(ProcessOrigin.class), shape).as(Observed::new),
        workloads().map(Declared::new),
        Combinators.combine(workloads(), names()).as(Running::new));
  }

  /** Every key can be read back from its text alone, so two different keys never share one. */
  @Property(tries = 3000)
  void theCanonicalTextDeterminesTheKey(@ForAll("keys") SubjectKey k) {
    assertThat(decode(k.canonical())).isEqualTo(k);
  }

  @Property(tries = 1000)
  void distinctKeysNeverShareACanonicalTextAndSortByIt(@ForAll("keys") SubjectKey a, @ForAll("keys") SubjectKey b) {
    assertThat(a.canonical().equals(b.canonical())).as(a + " and " + b).isEqualTo(a.equals(b));
    assertThat(a.compareTo(b) == 0).as("order is consistent with equality").isEqualTo(a.equals(b));
    assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(a.canonical().compareTo(b.canonical())));
  }

  @Example
  void keysRenderTheTextsAgentIdsWereAlwaysHashedFrom() {
    WorkloadId checkout = new WorkloadId("", "payments", "Deployment", "checkout-api");
    assertThat(new Observed(new PlaceKey.Workload(checkout, "app"), ProcessOrigin.EXEC, new Shape.Script("/tmp/agent.py"))
        .canonical()).isEqualTo("workload:payments/Deployment/checkout-api/app|exec|script:/tmp/agent.py");
    assertThat(new Observed(new PlaceKey.Workload(new WorkloadId("staging", "shop", "Deployment", "support-agent"), "agent"),
        ProcessOrigin.CONTAINER, Shape.Program.of("/usr/local/bin/python3.12", List.of("python3", "/app/main.py")))
        .canonical()).isEqualTo("workload:staging@shop/Deployment/support-agent/agent|container|exe:/usr/local/bin/python3.12 /app/main.py");
    assertThat(new Observed(new PlaceKey.Pod("0c1d", "b2b2"), ProcessOrigin.CONTAINER,
        Shape.Program.of("/usr/bin/python3.11", List.of("python3", "-u", "worker.py", "--port", "8080", "--shard=12"))).canonical())
        .isEqualTo("pod:0c1d/b2b2|container|exe:/usr/bin/python3.11 -u worker.py --port # --shard=#");
    assertThat(new Observed(new PlaceKey.Node("node-z"), ProcessOrigin.NODE, Shape.Program.of("/opt/agent/bin/agent", List.of("agent")))
        .canonical()).isEqualTo("node:node-z|node|exe:/opt/agent/bin/agent ");
    assertThat(new Declared(new WorkloadId("", "default", "Pod", "scratch-agent")).canonical())
        .isEqualTo("declared|default/Pod/scratch-agent");
    assertThat(new Running(new WorkloadId("staging", "tools", "Pod", "wiki-0"), "wiki").canonical())
        .isEqualTo("running|staging@tools/Pod/wiki-0/wiki");
    assertThat(new Declared(new WorkloadId("arn:aws:eks:eu-west-1:1:cluster/prod", "shop", "Deployment", "a")).canonical())
        .as("a cluster name may hold '/' (EKS ARNs), kept as it is").isEqualTo("declared|arn:aws:eks:eu-west-1:1:cluster/prod@shop/Deployment/a");
  }

  @Example
  void separatorsInsideANameAreEscapedSoTwoPlacesNeverRenderAlike() {
    SubjectKey slashInName = new Running(new WorkloadId("", "ns", "Pod", "a/b"), "c");
    SubjectKey slashInContainer = new Running(new WorkloadId("", "ns", "Pod", "a"), "b/c");
    assertThat(slashInName.canonical()).isEqualTo("running|ns/Pod/a%2Fb/c").isNotEqualTo(slashInContainer.canonical());
    SubjectKey pipeInNode = new Observed(new PlaceKey.Node("n|exec"), ProcessOrigin.NODE, new Shape.Script("/x"));
    assertThat(pipeInNode.canonical()).isEqualTo("node:n%7Cexec|node|script:/x");
    assertThat(new Declared(new WorkloadId("", "c@ns", "Pod", "p")).canonical())
        .isNotEqualTo(new Declared(new WorkloadId("c", "ns", "Pod", "p")).canonical());
  }

  @Example
  void keysSortAsTheirTextsAlwaysDid() {
    // '-' sorts before '/': the canary's key comes first, as it did when keys were strings, although "app" < "app-canary"
    SubjectKey app = new Observed(new PlaceKey.Workload(new WorkloadId("", "ns", "Deployment", "app"), "c"),
        ProcessOrigin.CONTAINER, new Shape.Script("/app/main.py"));
    SubjectKey canary = new Observed(new PlaceKey.Workload(new WorkloadId("", "ns", "Deployment", "app-canary"), "c"),
        ProcessOrigin.CONTAINER, new Shape.Script("/app/main.py"));
    List<SubjectKey> keys = new ArrayList<>(List.of(app, canary));
    keys.sort(null);
    assertThat(keys).containsExactly(canary, app);
  }

  @Example
  void aProgramIsItsCommandLineShape() {
    assertThat(Shape.Program.of("/usr/bin/python3", List.of("python3", "job.py", "--run", "17")))
        .as("numbers fold, so two runs of one command line are one program")
        .isEqualTo(Shape.Program.of("/usr/bin/python3", List.of("python3", "job.py", "--run", "942")));
    assertThat(Shape.Program.of("/usr/bin/python3", List.of("python3", "job.py")))
        .isNotEqualTo(Shape.Program.of("/usr/bin/python3", List.of("python3", "other.py")))
        .isNotEqualTo(Shape.Program.of("/usr/bin/python3.12", List.of("python3", "job.py")));
  }

  /** The test's reading of a canonical text, by its documented grammar; wraith itself never parses one. */
  static SubjectKey decode(String text) {
    if (text.startsWith("declared|")) return new Declared(workload(text.substring(9), 3).id);
    if (text.startsWith("running|")) {
      Parsed w = workload(text.substring(8), 4);
      return new Running(w.id, w.container);
    }
    String[] parts = text.split("\\|", 3);
    ProcessOrigin origin = ProcessOrigin.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT));
    Shape shape = parts[2].startsWith("script:") ? new Shape.Script(parts[2].substring(7))
        : new Shape.Program(after(parts[2], "exe:"));
    String place = parts[0];
    if (place.startsWith("workload:")) {
      Parsed w = workload(place.substring(9), 4);
      return new Observed(new PlaceKey.Workload(w.id, w.container), origin, shape);
    }
    if (place.startsWith("pod:")) {
      String[] p = place.substring(4).split("/", -1);
      assertThat(p).hasSize(2);
      return new Observed(new PlaceKey.Pod(unescape(p[0]), unescape(p[1])), origin, shape);
    }
    return new Observed(new PlaceKey.Node(unescape(after(place, "node:"))), origin, shape);
  }

  record Parsed(WorkloadId id, String container) {}

  static Parsed workload(String text, int parts) {
    int at = text.indexOf('@');
    String cluster = at < 0 ? "" : unescape(text.substring(0, at));
    String[] p = text.substring(at + 1).split("/", -1);
    assertThat(p).hasSize(parts);
    return new Parsed(new WorkloadId(cluster, unescape(p[0]), unescape(p[1]), unescape(p[2])), parts == 4 ? unescape(p[3]) : "");
  }

  static String after(String text, String prefix) {
    assertThat(text).startsWith(prefix);
    return text.substring(prefix.length());
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
