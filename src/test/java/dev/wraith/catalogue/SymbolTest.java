package dev.wraith.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SymbolTest {
  @Test
  void globsMatchQualifiedNamesAndBuilderChains() {
    Pattern p = Symbol.compileGlob("langchain.agents.**create_*agent");
    assertThat(p.matcher("langchain.agents.create_react_agent").matches()).isTrue();
    assertThat(p.matcher("langchain.agents.react.agent.create_react_agent").matches()).isTrue();
    assertThat(p.matcher("langchain.tools.create_react_agent").matches()).isFalse();
    Pattern b = Symbol.compileGlob("dev.langchain4j.model.openai.OpenAiChatModel");
    assertThat(b.matcher("dev.langchain4j.model.openai.OpenAiChatModel.builder").matches()).isTrue();
    assertThat(b.matcher("dev.langchain4j.model.openai.OpenAiChatModelX").matches()).isFalse();
    Pattern star = Symbol.compileGlob("chromadb.*Client");
    assertThat(star.matcher("chromadb.HttpClient").matches()).isTrue();
    assertThat(star.matcher("chromadb.api.HttpClient").matches()).isFalse();
    Pattern inst = Symbol.compileGlob("openai.OpenAI");
    assertThat(inst.matcher("openai.OpenAI().chat.completions.create").matches()).isFalse();
  }

  @Test
  void aSingleStarStaysWithinOneMemberNameAndNeverSwallowsACall() {
    Pattern p = Symbol.compileGlob("Microsoft.SemanticKernel.**AddOpenAI*");
    assertThat(p.matcher("Microsoft.SemanticKernel.AddOpenAIChatCompletion").matches()).isTrue();
    // the builder the call returned, used later: not another client
    assertThat(p.matcher("Microsoft.SemanticKernel.AddOpenAIChatCompletion().Build").matches()).isFalse();
    assertThat(p.matcher("Microsoft.SemanticKernel.AddOpenAIChatCompletion().Services.AddSingleton").matches()).isFalse();
  }
}
