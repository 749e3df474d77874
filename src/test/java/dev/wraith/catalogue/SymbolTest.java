package dev.wraith.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SymbolTest {
  @Test
  void globsMatchQualifiedNamesAndBuilderChains() {
    CallGlob p = CallGlob.compile("langchain.agents.**create_*agent");
    assertThat(p.matches("langchain.agents.create_react_agent")).isTrue();
    assertThat(p.matches("langchain.agents.react.agent.create_react_agent")).isTrue();
    assertThat(p.matches("langchain.tools.create_react_agent")).isFalse();
    CallGlob b = CallGlob.compile("dev.langchain4j.model.openai.OpenAiChatModel");
    assertThat(b.matches("dev.langchain4j.model.openai.OpenAiChatModel.builder")).isTrue();
    assertThat(b.matches("dev.langchain4j.model.openai.OpenAiChatModelX")).isFalse();
    CallGlob star = CallGlob.compile("chromadb.*Client");
    assertThat(star.matches("chromadb.HttpClient")).isTrue();
    assertThat(star.matches("chromadb.api.HttpClient")).isFalse();
    CallGlob inst = CallGlob.compile("openai.OpenAI");
    assertThat(inst.matches("openai.OpenAI().chat.completions.create")).isFalse();
    CallGlob trailing = CallGlob.compile("github.com/tmc/langchaingo/tools.*");
    assertThat(trailing.matches("github.com/tmc/langchaingo/tools.Calculator")).isTrue();
    assertThat(trailing.matches("github.com/tmc/langchaingo/tools.")).isTrue();
    assertThat(trailing.matches("github.com/tmc/langchaingo/tools/x.Calculator")).isFalse();
    CallGlob method = CallGlob.compile("github.com/mark3labs/mcp-go/server.NewMCPServer().AddTool*");
    assertThat(method.matches("github.com/mark3labs/mcp-go/server.NewMCPServer().AddTool")).isTrue();
    assertThat(method.matches("github.com/mark3labs/mcp-go/server.NewMCPServer().AddTools.x")).isTrue();
    assertThat(method.matches("github.com/mark3labs/mcp-go/server.NewMCPServer().AddTool/x")).isFalse();
  }

  /** The glob means exactly what the regular expression it replaced meant, on globs and names built to collide. */
  @Test
  void agreesWithTheRegularExpressionItReplaced() {
    Random rnd = new Random(20261207);
    List<String> globs = List.of("a.b", "a.*", "a.**", "*", "**", "a*b", "a**b", "*.*", "a.*.b", "a.**b*", "**a**", "a/*b**c",
        "a().b*", "*a*a*a", "**.**", "a**", "a*");
    String alphabet = "ab./()c\n";
    for (String g : globs) {
      CallGlob glob = CallGlob.compile(g);
      Pattern regex = regexOf(g);
      for (int i = 0; i < 3000; i++) {
        StringBuilder s = new StringBuilder();
        for (int j = rnd.nextInt(12); j > 0; j--) s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        String name = s.toString();
        assertThat(glob.matches(name)).as(g + " on '" + name + "'").isEqualTo(regex.matcher(name).matches());
      }
    }
  }

  /** The former Symbol.compileGlob, kept here as the oracle. */
  private static Pattern regexOf(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        re.append(".*");
        i++;
      } else if (c == '*') {
        re.append("[^./()]*");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    re.append("(\\.[^()]*)?");
    return Pattern.compile(re.toString());
  }

  @Test
  void aSingleStarStaysWithinOneMemberNameAndNeverSwallowsACall() {
    CallGlob g = CallGlob.compile("Microsoft.SemanticKernel.**AddOpenAI*");
    assertThat(g.matches("Microsoft.SemanticKernel.AddOpenAIChatCompletion")).isTrue();
    // the builder the call returned, used later: not another client
    assertThat(g.matches("Microsoft.SemanticKernel.AddOpenAIChatCompletion().Build")).isFalse();
    assertThat(g.matches("Microsoft.SemanticKernel.AddOpenAIChatCompletion().Services.AddSingleton")).isFalse();
    assertThat(g.matchesWhole("Microsoft.SemanticKernel.AddOpenAIChatCompletion.Extra")).as("no continuation").isFalse();
  }
}
