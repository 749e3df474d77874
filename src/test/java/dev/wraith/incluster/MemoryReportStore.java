package dev.wraith.incluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The fixture implementation of {@link ReportStore}: objects in a map, resource versions as counters, and scripted
 * failures ("the next create of X answers 409") for the publisher's error paths that a mock server makes awkward.
 */
final class MemoryReportStore implements ReportStore {
  final Map<String, Report> objects = new TreeMap<>();
  final Deque<String> script = new ArrayDeque<>();
  final List<String> calls = new ArrayList<>();
  private long version;

  /** Queue a failure: {@code "create wraith-system/x 409"} fails the next matching call with that code. */
  MemoryReportStore failNext(String verbRefCode) {
    script.add(verbRefCode);
    return this;
  }

  @Override
  public List<Report> listOwned(Report.Kind kind) {
    check("list", kind.plural());
    return objects.values().stream().filter(r -> r.kind() == kind)
        .filter(r -> Report.WRAITH.equals(r.labels().get(Report.MANAGED_BY))).toList();
  }

  @Override
  public Optional<Report> get(Report.Kind kind, String namespace, String name) {
    check("get", key(kind, namespace, name));
    return Optional.ofNullable(objects.get(key(kind, namespace, name)));
  }

  @Override
  public void create(Report r) {
    check("create", key(r.kind(), r.namespace(), r.name()));
    if (objects.containsKey(key(r.kind(), r.namespace(), r.name()))) throw new StoreException(409, "409 AlreadyExists", null);
    objects.put(key(r.kind(), r.namespace(), r.name()), r.withResourceVersion(String.valueOf(++version)));
  }

  @Override
  public void update(Report r) {
    String k = key(r.kind(), r.namespace(), r.name());
    check("update", k);
    Report cur = objects.get(k);
    if (cur == null) throw new StoreException(404, "404 NotFound", null);
    if (!cur.resourceVersion().equals(r.resourceVersion())) throw new StoreException(409, "409 Conflict", null);
    objects.put(k, r.withResourceVersion(String.valueOf(++version)));
  }

  @Override
  public void delete(Report.Kind kind, String namespace, String name) {
    check("delete", key(kind, namespace, name));
    objects.remove(key(kind, namespace, name));
  }

  /** Someone else changed the object: a new resource version, same content. */
  void touch(Report.Kind kind, String namespace, String name) {
    String k = key(kind, namespace, name);
    objects.put(k, objects.get(k).withResourceVersion(String.valueOf(++version)));
  }

  static String key(Report.Kind kind, String namespace, String name) {
    return kind.plural() + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  private void check(String verb, String what) {
    calls.add(verb + " " + what);
    String head = script.peek();
    if (head == null) return;
    int sp = head.lastIndexOf(' ');
    if ((verb + " " + what).startsWith(head.substring(0, sp))) {
      script.pop();
      int code = Integer.parseInt(head.substring(sp + 1));
      throw new StoreException(code, code + " scripted", null);
    }
  }
}
