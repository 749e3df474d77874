package dev.wraith.incluster;

import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * A failed Kubernetes API call in words: the API server's own status text when it answered ("403 Forbidden: ...
 * cannot list resource ..."), else why it did not (refused, unknown host, timeout, TLS), never fabric8's wrapper text
 * ("Operation: [list] for kind: [Pod] ... failed") or an exception class; those go to --debug.
 */
final class ApiFailure {
  private static final int MAX = 300;

  private ApiFailure() {}

  static String describe(KubernetesClientException e) {
    System.getLogger(ApiFailure.class.getName()).log(System.Logger.Level.DEBUG, "Kubernetes API call failed", e);
    String text;
    if (e.getCode() > 0) {
      var s = e.getStatus();
      String reason = s != null && s.getReason() != null ? " " + s.getReason() : "";
      String message = s != null && s.getMessage() != null && !s.getMessage().isBlank() ? ": " + s.getMessage() : "";
      text = e.getCode() + reason + message;
    } else {
      text = "no answer from the API server (" + transport(e) + ")";
    }
    int nl = text.indexOf('\n');
    if (nl >= 0) text = text.substring(0, nl);
    return text.length() > MAX ? text.substring(0, MAX) + "…" : text;
  }

  private static String transport(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.ConnectException) return "connection refused";
      if (t instanceof java.net.UnknownHostException u) return "unknown host" + (u.getMessage() == null ? "" : " " + u.getMessage());
      if (t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException
          || t instanceof java.io.InterruptedIOException) {
        return "timed out";
      }
      if (t instanceof javax.net.ssl.SSLException) return "TLS failed: check the kubeconfig's certificate authority";
      if (t instanceof java.nio.channels.UnresolvedAddressException) return "unknown host";
    }
    return "the connection failed; run with --debug for details";
  }
}
