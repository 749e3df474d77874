package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IgnoreRulesTest {
  @Test
  void gitignoreSemantics() {
    IgnoreRules r = IgnoreRules.parse("", """
        # comment
        *.log
        build/
        /secret.txt
        docs/**/draft.md
        !keep.log
        \\#literal
        """);
    assertThat(r.verdict("app.log", false)).isTrue();
    assertThat(r.verdict("deep/dir/app.log", false)).isTrue();
    assertThat(r.verdict("keep.log", false)).isFalse();
    assertThat(r.verdict("build", true)).isTrue();
    assertThat(r.verdict("build", false)).isNull(); // dir-only pattern does not match a file
    assertThat(r.verdict("src/build", true)).isTrue();
    assertThat(r.verdict("secret.txt", false)).isTrue();
    assertThat(r.verdict("sub/secret.txt", false)).isNull(); // anchored
    assertThat(r.verdict("docs/draft.md", false)).isTrue();
    assertThat(r.verdict("docs/a/b/draft.md", false)).isTrue();
    assertThat(r.verdict("#literal", false)).isTrue();
    assertThat(r.verdict("main.py", false)).isNull();
  }

  @Test
  void nestedRulesApplyOnlyBelowTheirDirectory() {
    IgnoreRules r = IgnoreRules.parse("services/api", "generated/\n/local.py\n");
    assertThat(r.verdict("services/api/generated", true)).isTrue();
    assertThat(r.verdict("services/api/local.py", false)).isTrue();
    assertThat(r.verdict("services/api/x/local.py", false)).isNull();
    assertThat(r.verdict("other/generated", true)).isNull();
  }
}
