package dev.wraith.code.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.Detection;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import dev.wraith.code.YamlReader;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KubernetesDetectorTest {
  private final KubernetesDetector detector = new KubernetesDetector(FixtureHarness.catalogue());

  private Detection detect(String path, String text) {
    return detector.detect(new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void leavesOtherYamlAlone() {
    assertThat(detector.accepts("k8s/app.yaml")).isTrue();
    assertThat(detector.accepts("docker-compose.yml")).isFalse();
    assertThat(detector.accepts("charts/a/values.yaml")).isFalse();
    assertThat(detector.accepts("package.json")).isFalse();
    assertThat(detect(".github/workflows/ci.yml", "on: push\njobs: {build: {runs-on: x}}\n")).isEqualTo(Detection.EMPTY);
  }

  @Test
  void everyWorkloadKindIsOneDeploymentAtItsDocumentStart() {
    Detection d = detect("all.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: {name: r}
        spec: {template: {spec: {containers: [{name: c, image: "a:1"}]}}}
        ---
        # a comment before the document
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: ds, namespace: kube-system}
        spec:
          template:
            spec:
              containers: [{name: c, image: "b:1", command: [node], args: [server.js]}]
        ---
        apiVersion: batch/v1
        kind: Job
        metadata: {name: j}
        spec: {template: {spec: {containers: [{name: c, image: "c:1"}]}}}
        ---
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: rs}
        spec: {template: {spec: {containers: [{name: c, image: "d:1"}]}}}
        ---
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: svc}
        """);
    assertThat(d.deployments()).extracting(Deployment::name).containsExactly("r", "ds", "j", "rs");
    assertThat(d.deployments()).extracting(x -> x.location().line()).containsExactly(1, 7, 15, 20);
    Deployment ds = d.deployments().get(1);
    assertThat(ds.namespace()).isEqualTo("kube-system");
    assertThat(ds.commands()).containsExactly("node server.js");
    assertThat(ds.scripts()).containsExactly("server.js");
    assertThat(d.warnings()).isEmpty();
  }

  @Test
  void envFromAndValueRefsAreRecordedByNameOnly() {
    Deployment d = detect("p.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: c
              image: x
              env:
                - {name: A, valueFrom: {configMapKeyRef: {name: cm, key: a}}}
                - {name: B, valueFrom: {secretKeyRef: {name: s1, key: b}}}
              envFrom:
                - secretRef: {name: s2}
                - configMapRef: {name: cm2}
        """).deployments().get(0);
    assertThat(d.envVars()).containsExactly("A", "B");
    assertThat(d.envSources()).containsExactly("configmap:cm", "secret:s1", "secret:s2", "configmap:cm2");
    assertThat(d.attributes()).containsEntry("containers", "c");
  }

  @Test
  void aliasBombsStaySmall() {
    Detection d = detect("bomb.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: bomb}
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        spec: {containers: [{name: c, image: x, args: *h}]}
        """);
    assertThat(d.deployments()).hasSize(1);
  }

  @Test
  void mergeKeysAndAnchorsAreHonoured() {
    Deployment d = detect("m.yaml", """
        apiVersion: v1
        kind: Pod
        metadata: {name: m}
        spec:
          containers:
            - &base {name: a, image: "img:1", env: [{name: OPENAI_API_KEY}]}
            - <<: *base
              name: b
        """).deployments().get(0);
    assertThat(d.attributes()).containsEntry("containers", "a,b");
    assertThat(d.envVars()).containsExactly("OPENAI_API_KEY");
  }

  @Test
  void hostileInputBecomesWarnings() {
    String deep = "apiVersion: v1\nkind: Pod\nx: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertThat(detect("deep.yaml", deep).warnings()).hasSize(1);
    assertThat(detect("bad.yaml", "apiVersion: v1\nkind: Pod\n  metadata: : : [\n").warnings()).hasSize(1);
    assertThat(detect("bad.json", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", ").warnings()).hasSize(1);
    byte[] garbage = new byte[200_000];
    new Random(42).nextBytes(garbage);
    byte[] marked = ("apiVersion: v1\nkind: Pod\n" + new String(garbage, StandardCharsets.ISO_8859_1))
        .getBytes(StandardCharsets.ISO_8859_1);
    Detection g = detector.detect(new SourceFile("garbage.yaml", marked));
    assertThat(g.deployments()).isEmpty();
    String many = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n---\n".repeat(YamlReader.MAX_DOCUMENTS + 10);
    Detection m = detect("many.yaml", many);
    assertThat(m.deployments()).hasSize(YamlReader.MAX_DOCUMENTS);
    assertThat(m.warnings()).hasSize(1);
  }

  @Test
  void helmTemplatesParseWithPlaceholders() {
    Detection d = detect("charts/web/templates/worker.yaml", """
        {{- if .Values.worker.enabled }}
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "web.fullname" . }}-worker
          namespace: {{ .Release.Namespace }}
        spec:
          template:
            spec:
              containers:
                - name: worker
                  image: {{ .Values.worker.image.repository }}:{{ .Values.worker.image.tag }}
                  {{- with .Values.worker.command }}
                  command: {{ toYaml . | nindent 12 }}
                  {{- end }}
                  env:
                    - name: {{ .Values.keyName }}
                    - name: GROQ_API_KEY
        {{- end }}
        """);
    Deployment w = d.deployments().get(0);
    assertThat(w.kind()).isEqualTo(DeploymentKind.HELM);
    assertThat(w.name()).isEqualTo("web/worker");
    assertThat(w.location().line()).isEqualTo(2);
    assertThat(w.namespace()).isEmpty();
    assertThat(w.images()).containsExactly("$(values.worker.image.repository):$(values.worker.image.tag)");
    assertThat(w.envVars()).containsExactly("GROQ_API_KEY");
    assertThat(d.findings()).singleElement().satisfies(f -> assertThat(f.location().line()).isEqualTo(18));
  }
}
