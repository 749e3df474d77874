package dev.wraith.incluster;

import java.util.List;
import java.util.Optional;

/**
 * Where wraith's custom resources live: the API server ({@link KubeReportStore}) or, in tests, anything else.
 * Every call may fail with a {@link StoreException} carrying the HTTP status; none retries by itself.
 */
public interface ReportStore {
  /** Every object of the kind labelled {@code app.kubernetes.io/managed-by=wraith}, in all namespaces. */
  List<Report> listOwned(Report.Kind kind);

  Optional<Report> get(Report.Kind kind, String namespace, String name);

  void create(Report report);

  /**
   * Replaces the object with {@code report} as it is, labels and annotations included (the caller merges in what other
   * tools put there); fails with 409 when {@code report.resourceVersion()} is no longer current.
   */
  void update(Report report);

  /** Deletes the object; an object already gone is not an error. */
  void delete(Report.Kind kind, String namespace, String name);

  /** A refused or failed API call. {@code code} is the HTTP status, 0 when no answer came. */
  final class StoreException extends RuntimeException {
    private final int code;

    public StoreException(int code, String message, Throwable cause) {
      super(message, cause);
      this.code = code;
    }

    public int code() {
      return code;
    }
  }
}
