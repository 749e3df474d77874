package dev.wraith.code.parser;

/** The tests' handle on the native backend: loaded once, null when this build has none. */
final class NativeParsers {
  private static final NativeParser LOADED = load();

  private NativeParsers() {}

  static boolean bundled() {
    String ext = NativeLibrary.platform().startsWith("macos") ? "dylib" : "so";
    return NativeParsers.class.getResource("/dev/wraith/code/parser/native/" + NativeLibrary.platform() + "/libwraith-ts." + ext) != null;
  }

  static NativeParser loaded() {
    return LOADED;
  }

  private static NativeParser load() {
    if (!bundled()) return null;
    if (Parsers.backend() instanceof NativeParser n) return n;
    try {
      NativeLibrary.load();
      return new NativeParser();
    } catch (Exception | LinkageError e) {
      throw new AssertionError("the native parser is bundled but does not load: " + e.getMessage(), e);
    }
  }
}
