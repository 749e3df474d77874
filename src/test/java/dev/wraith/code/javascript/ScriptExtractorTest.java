package dev.wraith.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import dev.wraith.model.FindingKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.wraith.code.parser.Grammar;

/** Name resolution corner cases, one snippet each, checked on the resolved call names themselves. */
class ScriptExtractorTest {
  private static final Grammar JS = Grammar.JAVASCRIPT;
  private static final Grammar TS = Grammar.TYPESCRIPT;

  @Test
  void esmDefaultNamedAliasedAndNamespaceImports() {
    assertThat(callNames(JS, """
        import OpenAI, { AzureOpenAI as AOAI } from "openai";
        import * as ai from "ai";
        new OpenAI();
        new AOAI();
        ai.generateText({});
        """)).containsExactly("openai", "openai.AzureOpenAI", "ai.generateText");
  }

  @Test
  void commonJsRequireDestructuringRenamingAndDefault() {
    assertThat(callNames(JS, """
        const { Pinecone, CohereClientV2: Co, Milvus = null } = require("@pinecone-database/pinecone");
        const Groq = require("groq-sdk").default;
        const Anthropic = require('@anthropic-ai/sdk');
        new Pinecone(); new Co(); new Milvus(); new Groq(); new Anthropic();
        """)).containsExactly("@pinecone-database/pinecone.Pinecone", "@pinecone-database/pinecone.CohereClientV2",
        "@pinecone-database/pinecone.Milvus", "groq-sdk", "@anthropic-ai/sdk");
  }

  @Test
  void typeScriptCompilerCommonJsOutput() {
    assertThat(callNames(JS, """
        "use strict";
        const openai_1 = __importDefault(require("openai"));
        const ai_1 = require("ai");
        const client = new openai_1.default();
        const r = (0, ai_1.generateText)({ model: "x" });
        """)).containsExactly("openai", "ai.generateText");
    assertThat(callNames(JS, """
        const openai_1 = require("openai");
        const client = new openai_1.default();
        """)).containsExactly("openai");
  }

  @Test
  void dynamicImportRecordsTheImportAndBindsAfterAwait() {
    SourceFacts facts = extract(JS, """
        async function f() {
          const { GoogleGenAI } = await import("@google/genai");
          const mod = await import("openai");
          const Default = (await import("groq-sdk")).default;
          import("fire-and-forget");
          return [new GoogleGenAI(), new mod.OpenAI(), new Default()];
        }
        """);
    assertThat(facts.imports()).extracting(SourceFacts.Import::module)
        .containsExactly("@google/genai", "openai", "groq-sdk", "fire-and-forget");
    assertThat(facts.calls()).extracting(SourceFacts.Call::name).containsExactly("@google/genai.GoogleGenAI", "openai.OpenAI", "groq-sdk");
  }

  @Test
  void instanceBindingsThroughConstThisAndPrivateFields() {
    assertThat(callNames(TS, """
        import OpenAI from "openai";
        class Bot {
          #llm = null;
          constructor() {
            this.client = new OpenAI();
          }
          ask() { return this.client.chat.completions.create({ model: "gpt-4o" }); }
        }
        const c = new OpenAI();
        c!.responses?.create({});
        """)).containsExactly("openai", "openai().chat.completions.create", "openai", "openai().responses.create");
  }

  @Test
  void typeScriptImportRequireAndExtendsWithTypeArguments() {
    assertThat(callNames(TS, """
        import oa = require("openai");
        import { StructuredTool } from "@langchain/core/tools";
        class T extends StructuredTool<Schema> implements Named {}
        const x = new oa.OpenAI() as unknown as Client;
        """)).containsExactly("@langchain/core/tools.StructuredTool", "openai.OpenAI");
  }

  @Test
  void objectLiteralPropertiesAreKeywordsAndFactoryCallsGiveTheirModel() {
    SourceFacts facts = extract(JS, """
        import { generateText } from "ai";
        import { openai } from "@ai-sdk/openai";
        generateText({ model: openai("gpt-4o"), temperature: 0.3, maxTokens: -1, prompt: `hi ${name}`, stream: true }, "second");
        """);
    SourceFacts.Call gen = facts.calls().stream().filter(c -> c.name().equals("ai.generateText")).findFirst().orElseThrow();
    assertThat(gen.args()).containsEntry("model", "gpt-4o").containsEntry("temperature", "0.3").containsEntry("maxTokens", "-1")
        .containsEntry("prompt", "").containsEntry("stream", "true").containsEntry("#1", "second");
    assertThat(facts.calls()).extracting(SourceFacts.Call::name).containsExactly("@ai-sdk/openai.openai", "ai.generateText");
  }

  @Test
  void relativeSpecifiersAreTheProjectsOwnCode() {
    SourceFacts facts = extract(JS, """
        import OpenAI from "../lib/openai";
        const { Pinecone } = require("./pinecone");
        const m = await import("/abs/ai.js");
        new OpenAI(); new Pinecone(); m.generateText();
        """);
    assertThat(facts.imports()).isEmpty();
    assertThat(facts.calls()).isEmpty();
  }

  @Test
  void environmentReadsAreLiteralsAndCommentsAreNot() {
    SourceFacts facts = extract(TS, """
        // OPENAI_API_KEY in a comment, https://api.openai.com too
        /* "ANTHROPIC_API_KEY" */
        const a = process.env.GROQ_API_KEY;
        const b = process.env["MISTRAL_API_KEY"];
        const c = import.meta.env.VITE_OPENAI_KEY;
        const { COHERE_API_KEY, HF_TOKEN: hf } = process.env;
        const url = `https://api.anthropic.com/v1/${path}`;
        """);
    assertThat(facts.literals()).extracting(SourceFacts.Literal::value).containsExactly(
        "GROQ_API_KEY", "MISTRAL_API_KEY", "VITE_OPENAI_KEY", "COHERE_API_KEY", "HF_TOKEN", "https://api.anthropic.com/v1/");
  }

  @Test
  void pathologicalNestingNeitherOverflowsNorHides() {
    String deepParens = "x = " + "(".repeat(20000) + "1" + ")".repeat(20000) + ";\n";
    String longChain = "y = client" + ".next()".repeat(5000) + ";\n";
    String deepCalls = "z = " + "f(".repeat(3000) + ")".repeat(3000) + ";\n";
    Detection d = detector().detect(file("deep.js", "import OpenAI from 'openai';\nconst client = new OpenAI();\n"
        + deepParens + longChain + deepCalls + "new OpenAI();\n"));
    assertThat(d.findings()).filteredOn(f -> f.kind() == FindingKind.SDK_CLIENT).extracting(f -> f.location().line())
        .contains(2, 6);
  }

  @Test
  void brokenAndNonUtf8FilesWarnButStillFind() {
    Detection broken = detector().detect(file("broken.js", "import OpenAI from 'openai';\nfunction (:\nnew OpenAI(\n"));
    assertThat(broken.warnings()).anySatisfy(w -> assertThat(w).startsWith("broken.js: syntax errors"));
    byte[] latin1 = "import OpenAI from 'openai';\n// caf\u00e9\nnew OpenAI();\n".getBytes(StandardCharsets.ISO_8859_1);
    Detection d = detector().detect(new SourceFile("latin1.js", latin1));
    assertThat(d.warnings()).anySatisfy(w -> assertThat(w).startsWith("latin1.js: not valid UTF-8"));
    assertThat(d.findings()).extracting(f -> f.kind()).contains(FindingKind.SDK_CLIENT);
  }

  @Test
  void detectorsAcceptTheirExtensionsOnly() {
    JavaScriptDetector js = detector();
    TypeScriptDetector ts = new TypeScriptDetector(new FactMatcher(FixtureHarness.catalogue()));
    assertThat(List.of("a.js", "a.mjs", "a.cjs", "a.jsx")).allMatch(js::accepts);
    assertThat(List.of("a.ts", "a.mts", "a.cts", "a.tsx")).allMatch(ts::accepts);
    assertThat(List.of("a.d.ts", "x/a.d.mts", "a.json", "a.tsx.snap")).noneMatch(ts::accepts);
    assertThat(List.of("a.ts", "a.json", "a.js.map")).noneMatch(js::accepts);
  }

  private static JavaScriptDetector detector() {
    return new JavaScriptDetector(new FactMatcher(FixtureHarness.catalogue()));
  }

  private static SourceFile file(String path, String text) {
    return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> callNames(Grammar parser, String code) {
    return extract(parser, code).calls().stream().map(SourceFacts.Call::name).toList();
  }

  private static SourceFacts extract(Grammar parser, String code) {
    return ScriptExtractor.extract(SyntaxTree.parse(parser, code.getBytes(StandardCharsets.UTF_8)));
  }

}
