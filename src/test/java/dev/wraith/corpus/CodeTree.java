package dev.wraith.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository part of the corpus: source files, {@code .env}, a Dockerfile, a Helm chart, Compose, Kustomize,
 * Kubernetes manifests, and dependency manifests and lockfiles, each with planted values where real ones are found.
 * Every planted spot sits next to something wraith reports (an SDK call, an AI dependency, a deployment command), so
 * the value would reach an output if redaction failed; the {@code witness} strings prove that neighbourhood did.
 */
final class CodeTree {
  private CodeTree() {}

  /** Writes the tree under {@code root}; returns the names the outputs must show (the planted spots' neighbours). */
  static java.util.List<String> write(Path root, Plants p) throws IOException {
    put(root, "agents/bot/bot.py", """
        import openai
        from openai import OpenAI

        client = OpenAI(api_key="%s", base_url="https://bot:%s@api.openai.com/v1?api_key=%s")
        reply = client.chat.completions.create(model="gpt-4o", messages=[])
        headers = {"Authorization": "Bearer %s"}
        """.formatted(p.plant("python source: OpenAI(api_key=...)", "sk-proj-%s"), p.plant("python source: URL password", "%s"),
            p.plant("python source: URL query", "%s"), p.plant("python source: Authorization header", "%s")));
    put(root, "agents/bot/requirements.txt", """
        --index-url https://pip:%s@pypi.example.com/simple
        openai==1.40.0
        langchain @ https://pip:%s@files.example.com/langchain-0.2.0.tar.gz
        """.formatted(p.plant("requirements.txt: index URL password", "%s"), p.plant("requirements.txt: direct URL password", "%s")));
    put(root, "agents/bot/.env", "OPENAI_API_KEY=%s\nHF_TOKEN=%s\n".formatted(p.plant(".env: OpenAI key", "sk-proj-%s"),
        p.plant(".env: Hugging Face token", "hf_%s")));
    put(root, "agents/bot/Dockerfile", """
        FROM python:3.12-slim
        ARG HF_TOKEN=%s
        ENV ANTHROPIC_API_KEY=%s
        RUN pip install git+https://%s@github.com/acme/agentlib.git
        RUN curl -H "Authorization: Bearer %s" https://api.openai.com/v1/models
        COPY bot.py /app/bot.py
        CMD ["python", "/app/bot.py", "--api-key", "%s", "--pinecone-key=%s"]
        """.formatted(p.plant("Dockerfile: ARG", "hf_%s"), p.plant("Dockerfile: ENV", "sk-ant-api03-%s"),
            p.plant("Dockerfile: RUN git URL token", "ghp_%s"), p.plant("Dockerfile: RUN curl header", "%s"),
            p.plant("Dockerfile: CMD --api-key", "%s"), p.plant("Dockerfile: CMD --pinecone-key=", "pcsk_%s")));
    put(root, "web/chat.js", """
        import Anthropic from "@anthropic-ai/sdk";
        const client = new Anthropic({ apiKey: "%s" });
        const groq = process.env.GROQ_API_KEY || "%s";
        export async function ask(q) { return client.messages.create({ model: "claude-sonnet-4", messages: [q] }); }
        """.formatted(p.plant("javascript source: Anthropic({apiKey})", "sk-ant-api03-%s"), p.plant("javascript source: fallback key", "gsk_%s")));
    put(root, "web/package.json", """
        {"name": "chat", "version": "1.0.0",
         "dependencies": {"openai": "git+https://%s@github.com/openai/openai-node.git#v4.0.0",
                          "@anthropic-ai/sdk": "https://registry.example.com/sdk.tgz?token=%s",
                          "langchain": "git+ssh://git:%s@github.com/langchain-ai/langchainjs.git"}}
        """.formatted(p.plant("package.json: git+https token", "ghp_%s"), p.plant("package.json: tarball query token", "npm_%s"),
            p.plant("package.json: git+ssh password", "%s")));
    put(root, "web/package-lock.json", """
        {"name": "chat", "lockfileVersion": 3, "packages": {
          "": {"dependencies": {"openai": "^4.0.0"}},
          "node_modules/openai": {"version": "4.0.0",
            "resolved": "https://npm:%s@registry.example.com/openai/-/openai-4.0.0.tgz", "integrity": "sha512-AAAA"}}}
        """.formatted(p.plant("package-lock.json: resolved URL password", "%s")));
    writeDeploy(root, p);
    return java.util.List.of("agents/bot/bot.py", "web/chat.js", "api.openai.com", "/app/bot.py", "helmbot.py", "composebot.py",
        "k8sbot.py", "openai");
  }

  private static void writeDeploy(Path root, Plants p) throws IOException {
    put(root, "charts/helmbot/Chart.yaml", "apiVersion: v2\nname: helmbot\nversion: 0.1.0\n");
    put(root, "charts/helmbot/values.yaml", """
        image: {repository: ghcr.io/acme/helmbot, tag: "1.0"}
        command: ["sh", "-c", "python helmbot.py --token %s"]
        args: ["--password", "%s"]
        env:
          - name: OPENAI_API_KEY
            value: "%s"
        """.formatted(p.plant("Helm values: sh -c --token", "%s"), p.plant("Helm values: --password", "%s"),
            p.plant("Helm values: env value", "sk-proj-%s")));
    put(root, "charts/helmbot/templates/deployment.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: {{ .Release.Name }}-helmbot}
        spec:
          template:
            spec:
              containers:
                - name: helmbot
                  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
                  command: ["sh", "-c", "python helmbot.py --api-key %s"]
                  env: [{name: OPENAI_API_KEY, value: "%s"}]
        """.formatted(p.plant("Helm template: sh -c --api-key", "%s"), p.plant("Helm template: env value", "sk-proj-%s")));
    put(root, "deploy/compose.yaml", """
        services:
          composebot:
            image: ghcr.io/acme/composebot:1.0
            build: https://%s@git.example.com/acme/composebot.git#main
            command: sh -c "python composebot.py --api-key %s"
            environment:
              OPENAI_API_KEY: %s
              DATABASE_URL: postgres://app:%s@db:5432/app
        """.formatted(p.plant("Compose: build URL token", "glpat-%s"), p.plant("Compose: sh -c --api-key", "%s"),
            p.plant("Compose: environment value", "sk-proj-%s"), p.plant("Compose: database URL password", "%s")));
    put(root, "deploy/overlays/prod/kustomization.yaml", """
        resources:
          - https://%s@github.com/acme/agents//deploy?ref=v1&token=%s
        secretGenerator:
          - name: keys
            literals: ["api-key=%s"]
        configMapGenerator:
          - name: cfg
            literals: ["OPENAI_API_KEY=%s"]
        """.formatted(p.plant("Kustomize: remote resource user", "ghp_%s"), p.plant("Kustomize: remote resource query", "%s"),
            p.plant("Kustomize: secret literal", "%s"), p.plant("Kustomize: configmap literal", "sk-proj-%s")));
    put(root, "deploy/k8s/k8sbot.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: k8sbot
          namespace: agents
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: '{"token":"%s"}'
        spec:
          template:
            spec:
              containers:
                - name: k8sbot
                  image: ghcr.io/acme/k8sbot:1.0
                  command: ["sh", "-c", "python k8sbot.py --api-key %s"]
                  args: ["-H", "Authorization: Bearer %s", "--url", "https://u:%s@api.openai.com/v1"]
                  env:
                    - {name: OPENAI_API_KEY, value: "%s"}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: k8sbot-config, namespace: agents}
        data:
          OPENAI_BASE_URL: "https://cfg:%s@api.openai.com/v1"
          api-key: "%s"
        """.formatted(p.plant("manifest: annotation", "%s"), p.plant("manifest: sh -c --api-key", "%s"),
            p.plant("manifest: -H Authorization", "%s"), p.plant("manifest: URL password argument", "%s"),
            p.plant("manifest: env value", "sk-proj-%s"), p.plant("manifest ConfigMap: URL password", "%s"),
            p.plant("manifest ConfigMap: api-key", "%s")));
  }

  static void put(Path root, String rel, String text) throws IOException {
    Path f = root.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }
}
