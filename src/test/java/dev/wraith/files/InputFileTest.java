package dev.wraith.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of path that is not a regular file is refused at once, by name, and gzip is inflated within bounds. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InputFileTest {
  @TempDir(factory = HostileTempDirs.class) Path dir;

  @Test
  void aFifoIsRefusedWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    assertThatThrownBy(() -> InputFile.open(fifo, Limits.DEFAULT)).isInstanceOf(FileProblem.class)
        .hasMessage(fifo + " is a named pipe (FIFO), not a regular file; save what it holds to a file and give that");
  }

  @Test
  void devicesSocketsDirectoriesAndLoopsAreRefused() throws Exception {
    assertThatThrownBy(() -> InputFile.open(Path.of("/dev/zero"), Limits.DEFAULT))
        .hasMessageStartingWith("/dev/zero is a character device, not a regular file");
    assertThatThrownBy(() -> InputFile.readAll(Path.of("/dev/urandom"), 100))
        .hasMessageStartingWith("/dev/urandom is a character device");
    assertThatThrownBy(() -> InputFile.check(dir)).hasMessage(dir + " is a directory; give a file");
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Files.createSymbolicLink(a, b);
    Files.createSymbolicLink(b, a);
    assertThatThrownBy(() -> InputFile.check(a)).hasMessageContaining("a symbolic link loop");
    Path dangling = dir.resolve("dangling");
    Files.createSymbolicLink(dangling, dir.resolve("nothing"));
    assertThatThrownBy(() -> InputFile.check(dangling)).hasMessage(dangling + ": a symbolic link to a file that does not exist");
    assertThatThrownBy(() -> InputFile.check(dir.resolve("missing"))).hasMessage(dir.resolve("missing") + ": no such file");
    Path sock = dir.resolve("sock");
    try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      s.bind(UnixDomainSocketAddress.of(sock));
      assertThatThrownBy(() -> InputFile.check(sock)).hasMessageStartingWith(sock + " is a socket, not a regular file");
    }
  }

  @Test
  void aSymlinkToARegularFileIsRead() throws IOException {
    Path f = Files.writeString(dir.resolve("f"), "hello");
    Path link = Files.createSymbolicLink(dir.resolve("link"), f);
    assertThat(InputFile.readString(link, 100)).isEqualTo("hello");
  }

  /** A 2 GB sparse file is refused by its size before a byte is read. */
  @Test
  void aLargeSingleDocumentIsRefusedBySize() throws IOException {
    Path big = dir.resolve("big.yaml");
    try (var raf = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(2L << 30);
    }
    assertThatThrownBy(() -> InputFile.readAll(big, 16 << 20))
        .hasMessage(big + " is larger than 16 MiB, the most wraith reads of such a file; not read");
  }

  @Test
  void gzipIsInflatedByItsMagicBytesWhateverItsName() throws IOException {
    Path gz = dir.resolve("events.log");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("line one\nline two\n".getBytes(StandardCharsets.UTF_8));
    }
    try (InputStream in = InputFile.open(gz, Limits.DEFAULT)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("line one\nline two\n");
    }
  }

  /** 10 MiB of zeros compress to about 10 KiB; with a 1 MiB floor and ratio 10 the read stops at 1 MiB. */
  @Test
  void aGzipBombStopsAtItsBound() throws IOException {
    Path gz = dir.resolve("bomb.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 10; i++) out.write(zeros);
    }
    Limits l = new Limits(1 << 20, 1 << 20, 128, 1 << 20, 1 << 20, 10);
    try (InputStream in = InputFile.open(gz, l)) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(FileProblem.class)
          .hasMessage(gz + ": inflates to more than 1 MiB (the larger of 1 MiB and 10 times its compressed size: a gzip "
              + "bomb?); the rest is not read");
    }
  }

  @Test
  void corruptGzipIsSaidInWords() throws IOException {
    Path gz = dir.resolve("bad.gz");
    byte[] good;
    var bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write("x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
    }
    good = bytes.toByteArray();
    for (int i = 12; i < good.length - 8; i++) good[i] ^= 0x55;
    Files.write(gz, good);
    try (InputStream in = InputFile.open(gz, Limits.DEFAULT)) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(FileProblem.class).hasMessageStartingWith(gz + ": corrupt gzip data");
    }
  }
}
