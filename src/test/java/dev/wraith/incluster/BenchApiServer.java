package dev.wraith.incluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD mock API server for the operator benchmark, made to page like a real one and to count what it is asked.
 * The mock ignores {@code limit}; here a list with {@code limit=N} is answered N items at a time with a continue token,
 * as an API server does, so the list path costs the requests it costs in a cluster. Requests are counted by kind
 * (list pages, watch connections, lease calls, wraith's own objects, other), except those of the benchmark's own
 * client, which identifies itself by its User-Agent.
 */
final class BenchApiServer {
  static final String HARNESS_AGENT = "wraith-operator-bench";
  private static final Pattern LIMIT = Pattern.compile("[?&]limit=(\\d+)"), CONTINUE = Pattern.compile("[?&]continue=(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();

  final KubernetesMockServer server;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AtomicLong listedObjects = new AtomicLong();
  /** The full answer of a list being paged, by its path without the continue token. */
  private final Map<String, ArrayNode> paging = new ConcurrentHashMap<>();

  BenchApiServer() {
    var crud = new KubernetesMixedDispatcher(new HashMap<>());
    Dispatcher counting = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        boolean ours = HARNESS_AGENT.equals(request.getHeader("User-Agent"));
        String kind = ours ? "" : count(request);
        MockResponse response = crud.dispatch(request);
        return ours ? response : page(request, response, kind.equals("list"));
      }
    };
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), counting, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
  }

  /** Requests by kind since the last call, and the objects that cluster lists carried; then starts counting afresh. */
  Map<String, Long> takeCounts() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.getAndSet(0)));
    out.put("listed-objects", listedObjects.getAndSet(0));
    return out;
  }

  private String count(RecordedRequest r) {
    String path = r.getPath();
    String kind;
    if (path.contains("/leases")) kind = "lease";
    else if (path.contains("watch=true")) kind = "watch";
    else if (path.contains("/apis/wraith.dev/") || path.contains("/apis/openreports.io/")) kind = "publish";
    else if (path.contains("labelSelector=app.kubernetes.io%2Fname%3Dwraith-sensor")) kind = "sensors";
    else if (r.getMethod().equals("GET")) kind = "list";
    else kind = "other";
    counts.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    return kind;
  }

  /** Cuts a list answer to the requested page; counts the objects of cluster lists. */
  private MockResponse page(RecordedRequest r, MockResponse response, boolean clusterList) {
    String path = r.getPath();
    Matcher limit = LIMIT.matcher(path);
    if (!r.getMethod().equals("GET") || path.contains("watch=true") || !limit.find()) {
      return clusterList ? countItems(response) : response;
    }
    int n = Integer.parseInt(limit.group(1));
    Matcher cont = CONTINUE.matcher(path);
    int from = cont.find() ? Integer.parseInt(cont.group(1)) : 0;
    String key = path.replaceAll("[?&]continue=\\d+", "");
    try {
      ObjectNode list = (ObjectNode) JSON.readTree(response.getBody().readByteArray());
      if (!list.has("items")) return response.setBody(JSON.writeValueAsBytes(list));
      ArrayNode all = from == 0 ? (ArrayNode) list.get("items") : paging.getOrDefault(key, (ArrayNode) list.get("items"));
      if (from == 0) paging.put(key, all);
      ArrayNode items = JSON.createArrayNode();
      for (int i = from; i < Math.min(all.size(), from + n); i++) items.add(all.get(i));
      list.set("items", items);
      ObjectNode meta = list.has("metadata") ? (ObjectNode) list.get("metadata") : list.putObject("metadata");
      if (from + n < all.size()) meta.put("continue", String.valueOf(from + n));
      else {
        meta.remove("continue");
        paging.remove(key);
      }
      if (clusterList) listedObjects.addAndGet(items.size());
      return response.setBody(JSON.writeValueAsBytes(list));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("mock list answer is not JSON: " + path, e);
    }
  }

  private MockResponse countItems(MockResponse response) {
    if (response.getBody() == null) return response;
    byte[] body = response.getBody().readByteArray();
    try {
      JsonNode n = JSON.readTree(body);
      if (n != null && n.has("items")) listedObjects.addAndGet(n.get("items").size());
    } catch (java.io.IOException notJson) {
      // a plain-text answer
    }
    return response.setBody(body);
  }
}
