package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceFileTest {
  @Test
  void utf8ValidityIsWhatTheJdkDecoderSays() {
    assertThat(valid("plain ascii")).isTrue();
    assertThat(valid("h\u00e9llo \u20ac \ud83d\ude00")).isTrue();
    assertThat(new SourceFile("x", new byte[] {(byte) 0xc0, (byte) 0x80}).isValidUtf8()).as("overlong NUL").isFalse();
    assertThat(new SourceFile("x", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}).isValidUtf8()).as("surrogate").isFalse();
    assertThat(new SourceFile("x", new byte[] {(byte) 0xe2, (byte) 0x82}).isValidUtf8()).as("truncated").isFalse();
    Random rnd = new Random(5);
    byte[] interesting = {0x41, (byte) 0x80, (byte) 0xbf, (byte) 0xc2, (byte) 0xdf, (byte) 0xe0, (byte) 0xa0, (byte) 0xed,
        (byte) 0x9f, (byte) 0xef, (byte) 0xf0, (byte) 0x90, (byte) 0xf4, (byte) 0x8f, (byte) 0xf5, (byte) 0xff, (byte) 0xc0};
    for (int i = 0; i < 200_000; i++) {
      byte[] b = new byte[rnd.nextInt(6)];
      for (int k = 0; k < b.length; k++) b[k] = rnd.nextBoolean() ? interesting[rnd.nextInt(interesting.length)] : (byte) rnd.nextInt(256);
      assertThat(new SourceFile("x", b).isValidUtf8()).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(jdkSaysValid(b));
    }
  }

  private static boolean valid(String s) {
    return new SourceFile("x", s.getBytes(StandardCharsets.UTF_8)).isValidUtf8();
  }

  private static boolean jdkSaysValid(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
