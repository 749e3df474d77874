package dev.wraith.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Maps an {@code events.k8s.io/v1} Event onto the core/v1 field names the collector reads. */
final class EventShapes {
  private EventShapes() {}

  static ObjectNode toCoreEvent(ObjectNode e) {
    ObjectNode c = e.deepCopy();
    c.put("apiVersion", "v1");
    if (e.has("regarding")) c.set("involvedObject", e.get("regarding"));
    if (e.has("note")) c.set("message", e.get("note"));
    if (e.has("deprecatedLastTimestamp")) c.set("lastTimestamp", e.get("deprecatedLastTimestamp"));
    else if (e.has("eventTime")) c.set("lastTimestamp", e.get("eventTime"));
    c.remove("regarding");
    c.remove("note");
    c.remove("eventTime");
    c.remove("deprecatedLastTimestamp");
    return c;
  }
}
