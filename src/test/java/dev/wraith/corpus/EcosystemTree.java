package dev.wraith.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository inputs of the newer code detectors, each with planted values where real ones are found: Spring and
 * Quarkus application config (a literal key, which is a {@code hardcoded-credential} finding, endpoint URLs with
 * credentials, an MCP connection's token), {@code .env} files, NuGet, RubyGems, Packagist and Cargo manifests and
 * lockfiles with token-bearing source URLs, a Jupyter notebook with a key in a code cell and in a cell's output, and a
 * Vue component. Written beside {@link CodeTree}'s files, in the same repository.
 */
final class EcosystemTree {
  private EcosystemTree() {}

  /** Writes the files under {@code root}; returns the names the outputs must show (the planted spots' neighbours). */
  static List<String> write(Path root, Plants p) throws IOException {
    config(root, p);
    manifests(root, p);
    notebookAndComponent(root, p);
    return List.of("springbot/src/main/resources/application.yml", "hardcoded-credential",
        "quarkusbot/src/main/resources/application.properties", "micronautbot/src/main/resources/application-prod.yml",
        "agents/ops/.env.production", "agents/ops/.env.example", "deploy/prod.env", "Agent.csproj", "packages.lock.json",
        "ruby/Gemfile", "php/composer.json", "rust/Cargo.toml", "rust/Cargo.lock", "notebooks/explore.ipynb", "web/Chat.vue");
  }

  private static void config(Path root, Plants p) throws IOException {
    CodeTree.put(root, "services/springbot/src/main/resources/application.yml", """
        spring:
          application:
            name: springbot
          datasource:
            url: jdbc:postgresql://app:%s@db:5432/bot
            password: %s
          ai:
            openai:
              api-key: %s
              base-url: https://u:%s@api.openai.com/v1?api-key=%s
            anthropic:
              api-key: "%s"
            mcp:
              client:
                sse:
                  connections:
                    tools:
                      url: https://mcp.example.com/sse?token=%s
                stdio:
                  connections:
                    github:
                      command: npx
                      args: ["-y", "@modelcontextprotocol/server-github", "--token", "%s"]
        """.formatted(p.plant("Spring config: datasource URL password", "%s"), p.plant("Spring config: datasource password", "%s"),
            p.plant("Spring config: literal OpenAI key", "sk-proj-%s"), p.plant("Spring config: base-url password", "%s"),
            p.plant("Spring config: base-url query", "%s"), p.plant("Spring config: literal Anthropic key", "sk-ant-api03-%s"),
            p.plant("Spring config: MCP URL query token", "%s"), p.plant("Spring config: MCP stdio --token", "ghp_%s")));
    CodeTree.put(root, "services/quarkusbot/src/main/resources/application.properties", """
        quarkus.application.name=quarkusbot
        quarkus.langchain4j.openai.api-key=%s
        quarkus.langchain4j.openai.base-url=https://q:%s@api.openai.com/v1
        quarkus.langchain4j.mcp.github.transport-type=stdio
        quarkus.langchain4j.mcp.github.command=npx,-y,@modelcontextprotocol/server-github,--api-key,%s
        """.formatted(p.plant("Quarkus config: literal OpenAI key", "sk-proj-%s"), p.plant("Quarkus config: base-url password", "%s"),
            p.plant("Quarkus config: MCP command --api-key", "%s")));
    CodeTree.put(root, "agents/ops/.env.production", """
        # production values, committed by mistake
        ANTHROPIC_API_KEY="%s" # the team key
        OPENAI_BASE_URL=https://u:%s@api.openai.com/v1?api-key=%s
        export PINECONE_API_KEY=%s
        GROQ_API_KEY='%s'
        """.formatted(p.plant(".env.production: quoted Anthropic key", "sk-ant-api03-%s"), p.plant(".env.production: URL password", "%s"),
            p.plant(".env.production: URL query", "%s"), p.plant(".env.production: export Pinecone key", "pcsk_%s"),
            p.plant(".env.production: single-quoted Groq key", "gsk_%s")));
    CodeTree.put(root, "services/micronautbot/src/main/resources/application-prod.yml", """
        micronaut:
          application:
            name: micronautbot
        langchain4j:
          open-ai:
            api-key: %s
            base-url: https://m:%s@api.openai.com/v1?key=%s
          anthropic:
            api-key: ${ANTHROPIC_API_KEY:%s}
        """.formatted(p.plant("Micronaut config: literal OpenAI key", "sk-proj-%s"), p.plant("Micronaut config: base-url password", "%s"),
            p.plant("Micronaut config: base-url query", "%s"), p.plant("Micronaut config: placeholder default", "sk-ant-api03-%s")));
    CodeTree.put(root, "agents/ops/.env.example", """
        # copy to .env; the sample key below is a real one, pasted by mistake
        OPENAI_API_KEY=%s   # replace me
        MISTRAL_API_KEY=<your key>
        OPENAI_BASE_URL="https://u:%s@api.openai.com/v1"
        """.formatted(p.plant(".env.example: pasted OpenAI key", "sk-proj-%s"), p.plant(".env.example: URL password", "%s")));
    CodeTree.put(root, "deploy/prod.env", "COHERE_API_KEY=" + p.plant("prod.env: Cohere key", "%s") + "\n");
  }

  private static void manifests(Path root, Plants p) throws IOException {
    CodeTree.put(root, "dotnet/Agent/Agent.csproj", """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
            <RestoreAdditionalProjectSources>https://az:%s@pkgs.dev.azure.com/acme/_packaging/ai/nuget/v3/index.json</RestoreAdditionalProjectSources>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="OpenAI" Version="2.2.0" />
            <PackageReference Include="Microsoft.SemanticKernel" Version="https://nuget:%s@feed.example.com/sk.nupkg" />
          </ItemGroup>
        </Project>
        """.formatted(p.plant(".csproj: restore source password", "%s"), p.plant(".csproj: version URL password", "%s")));
    CodeTree.put(root, "dotnet/Agent/packages.lock.json", """
        {"version": 1, "dependencies": {"net8.0": {
          "OpenAI": {"type": "Direct", "requested": "[2.2.0, )", "resolved": "git+https://az:%s@pkgs.dev.azure.com/acme/openai.git"},
          "Anthropic.SDK": {"type": "Transitive", "resolved": "https://feed.example.com/v3/anthropic.sdk.nupkg?sig=%s"}}}}
        """.formatted(p.plant("packages.lock.json: git+https resolved password", "%s"),
            p.plant("packages.lock.json: resolved URL signature", "%s")));
    CodeTree.put(root, "ruby/Gemfile", """
        source "https://gems:%s@gems.example.com"
        gem "ruby-openai", git: "https://x-access-token:%s@github.com/alexrudall/ruby-openai.git"
        gem "anthropic", "git+https://oauth2:%s@gitlab.com/acme/anthropic-sdk-ruby.git", source: "https://%s@gems.example.com/private"
        gem "langchainrb", github: "patterns-ai-core/langchainrb", ref: "main"
        """.formatted(p.plant("Gemfile: source password", "%s"), p.plant("Gemfile: git URL token", "ghp_%s"),
            p.plant("Gemfile: git+https version token", "glpat-%s"), p.plant("Gemfile: gem source token", "%s")));
    CodeTree.put(root, "ruby/Gemfile.lock", """
        GIT
          remote: https://x-access-token:%s@github.com/alexrudall/ruby-openai.git
          revision: 0123456789abcdef0123456789abcdef01234567
          specs:
            ruby-openai (7.3.1)

        GEM
          remote: https://gems:%s@gems.example.com/
          specs:
            anthropic (0.3.2)

        DEPENDENCIES
          anthropic (~> 0.3)!
          ruby-openai!
        """.formatted(p.plant("Gemfile.lock: GIT remote token", "ghp_%s"), p.plant("Gemfile.lock: GEM remote password", "%s")));
    CodeTree.put(root, "php/composer.json", """
        {"name": "acme/phpbot",
         "repositories": [{"type": "vcs", "url": "https://u:%s@git.example.com/acme/openai-php.git"}],
         "config": {"github-oauth": {"github.com": "%s"}, "http-basic": {"repo.example.com": {"username": "u", "password": "%s"}}},
         "require": {"openai-php/client": "dev-main#%s", "theodo-group/llphant": "https://u:%s@repo.example.com/llphant.zip"}}
        """.formatted(p.plant("composer.json: VCS URL password", "%s"), p.plant("composer.json: github-oauth token", "ghp_%s"),
            p.plant("composer.json: http-basic password", "%s"), p.plant("composer.json: version ref", "ghp_%s"),
            p.plant("composer.json: version URL password", "%s")));
    CodeTree.put(root, "rust/Cargo.toml", """
        [package]
        name = "rustbot"
        version = "0.1.0"
        edition = "2021"

        [dependencies]
        async-openai = { git = "https://%s@github.com/64bit/async-openai", branch = "main" }
        rig-core = { version = "0.13", registry = "acme" }
        ollama-rs = "git+https://x-access-token:%s@github.com/pepperoni21/ollama-rs"

        [registries.acme]
        index = "sparse+https://u:%s@cargo.example.com/index/"
        token = "%s"
        """.formatted(p.plant("Cargo.toml: git URL token", "ghp_%s"), p.plant("Cargo.toml: git+https version token", "ghp_%s"),
            p.plant("Cargo.toml: registry index password", "%s"), p.plant("Cargo.toml: registry token", "%s")));
    CodeTree.put(root, "rust/Cargo.lock", """
        version = 4

        [[package]]
        name = "rustbot"
        version = "0.1.0"
        dependencies = ["async-openai"]

        [[package]]
        name = "async-openai"
        version = "0.28.0+git.https://u:%s@github.com"
        source = "git+https://x-access-token:%s@github.com/64bit/async-openai?branch=main#0123456789abcdef0123456789abcdef01234567"
        """.formatted(p.plant("Cargo.lock: version with a URL password", "%s"), p.plant("Cargo.lock: git+https source token", "ghp_%s")));
  }

  /** A notebook's code cell holds a key; an output cell echoes another (notebooks are committed with outputs). */
  private static void notebookAndComponent(Path root, Plants p) throws IOException {
    String cellKey = p.plant("notebook: code cell api_key", "sk-proj-%s");
    String outputKey = p.plant("notebook: output cell", "sk-proj-%s");
    String outputBearer = p.plant("notebook: output cell Bearer", "%s");
    CodeTree.put(root, "notebooks/explore.ipynb", """
        {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
         "cells": [
          {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": [
            "import openai\\n", "from openai import OpenAI\\n",
            "client = OpenAI(api_key=\\"%s\\")\\n",
            "reply = client.chat.completions.create(model=\\"gpt-4o-mini\\", messages=[])"],
           "outputs": [{"output_type": "stream", "name": "stdout", "text": [
            "using key %s\\n", "Authorization: Bearer %s\\n"]}]}]}
        """.formatted(cellKey, outputKey, outputBearer));
    CodeTree.put(root, "web/Chat.vue", """
        <template><div>{{ answer }}</div></template>
        <script setup>
        import OpenAI from "openai";
        const client = new OpenAI({ apiKey: "%s", dangerouslyAllowBrowser: true });
        const answer = await client.chat.completions.create({ model: "gpt-4o", messages: [] });
        </script>
        """.formatted(p.plant("Vue component: OpenAI({apiKey})", "sk-proj-%s")));
  }
}
