package dev.wraith.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret's file: its first line only, whatever the line end; a blank or unreadable file is one sentence without it. */
class SecretFileTest {
  @TempDir Path dir;

  @Test
  void theFirstLineIsTheSecretWhateverTheLineEnd() throws Exception {
    Path f = dir.resolve("token");
    Files.writeString(f, "s3cr3t-EXAMPLE-token\r\nsecond line is not read\n");
    assertThat(SecretFile.firstLine("WRAITH_X_FILE", f.toString(), "the token")).isEqualTo("s3cr3t-EXAMPLE-token");
    Files.writeString(f, " spaced password ");
    assertThat(SecretFile.firstLine("WRAITH_X_FILE", f.toString(), "the password")).isEqualTo(" spaced password ");
  }

  @Test
  void aBlankFirstLineOrAMissingFileIsASentenceNamingTheVariableNeverTheContent() throws Exception {
    Path f = dir.resolve("blank");
    Files.writeString(f, "  \nEXAMPLEsecretOnLineTwo\n");
    assertThatThrownBy(() -> SecretFile.firstLine("WRAITH_X_FILE", f.toString(), "the token"))
        .isInstanceOf(SecretFile.Unusable.class)
        .hasMessage("WRAITH_X_FILE=" + f + " is empty; put the token on its first line")
        .hasMessageNotContaining("EXAMPLEsecret");
    Path none = dir.resolve("none");
    assertThatThrownBy(() -> SecretFile.firstLine("WRAITH_X_FILE", none.toString(), "the token"))
        .hasMessageStartingWith("WRAITH_X_FILE=" + none + " cannot be read: ")
        .hasMessageEndingWith("; point it at a readable file holding the token");
  }
}
