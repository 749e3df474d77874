package dev.wraith.code.manifest;

/**
 * A manifest that cannot be parsed. The message is a short reason safe to print: it never quotes file
 * content, because manifests may hold tokens (registry credentials, private URLs).
 */
final class MalformedManifestException extends Exception {
  MalformedManifestException(String reason) {
    super(reason);
  }
}
