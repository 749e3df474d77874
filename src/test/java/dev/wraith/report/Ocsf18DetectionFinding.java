package dev.wraith.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The OCSF 1.8.0 definition of class 2004, Detection Finding, as a checker. OCSF publishes no JSON schema file (its
 * server generates one on request, which cannot be fetched here), so this states, from the 1.8.0 sources
 * (events/base_event.json, events/findings/finding.json, events/findings/detection_finding.json, dictionary.json and
 * the objects used), the class's attributes, which are required and recommended, the enumerations wraith uses, and
 * the required attributes and constraints of each object. Profiles are not applied, so their attributes are not
 * allowed. {@link #problems} lists every violation.
 */
final class Ocsf18DetectionFinding {
  /** Every attribute of class 2004 in 1.8.0 without profiles. */
  static final Set<String> ATTRIBUTES = Set.of("activity_id", "activity_name", "anomaly_analyses", "category_name",
      "category_uid", "class_name", "class_uid", "comment", "confidence", "confidence_id", "confidence_score", "count",
      "device", "duration", "end_time", "enrichments", "evidences", "finding_info", "impact", "impact_id",
      "impact_score", "is_alert", "malware", "malware_scan_info", "message", "metadata", "observables", "raw_data",
      "raw_data_hash", "raw_data_size", "remediation", "resources", "risk_details", "risk_level", "risk_level_id",
      "risk_score", "severity", "severity_id", "start_time", "status", "status_code", "status_detail", "status_id",
      "time", "timezone_offset", "type_name", "type_uid", "unmapped", "vendor_attributes", "vulnerabilities");
  static final Set<String> REQUIRED = Set.of("activity_id", "category_uid", "class_uid", "finding_info", "metadata",
      "severity_id", "time", "type_uid");
  /** status_code and status_detail describe an event's outcome (a failed logon); a finding has none. */
  static final Set<String> RECOMMENDED = Set.of("confidence_id", "evidences", "is_alert", "message", "observables",
      "resources", "status_code", "status_detail", "status_id", "timezone_offset");
  static final Set<String> RECOMMENDED_NOT_APPLICABLE = Set.of("status_code", "status_detail");

  private static final Set<Integer> ACTIVITY = Set.of(0, 1, 2, 3, 99);
  private static final Set<Integer> SEVERITY = Set.of(0, 1, 2, 3, 4, 5, 6, 99);
  private static final Set<Integer> CONFIDENCE = Set.of(0, 1, 2, 3, 99);
  private static final Set<Integer> STATUS = Set.of(0, 1, 2, 3, 4, 5, 6, 99);
  private static final Set<Integer> RISK_LEVEL = Set.of(0, 1, 2, 3, 4, 99);
  private static final Set<String> EVIDENCE_ONE_OF = Set.of("actor", "api", "connection_info", "data", "database",
      "databucket", "device", "dst_endpoint", "email", "file", "process", "query", "resources", "src_endpoint", "url",
      "user", "job", "script");

  private Ocsf18DetectionFinding() {}

  static List<String> problems(JsonNode e) {
    List<String> p = new ArrayList<>();
    for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!ATTRIBUTES.contains(f)) p.add("not an attribute of class 2004: " + f);
    }
    for (String r : REQUIRED) if (!e.has(r)) p.add("required attribute missing: " + r);
    for (String r : RECOMMENDED) if (!e.has(r) && !RECOMMENDED_NOT_APPLICABLE.contains(r)) p.add("recommended missing: " + r);
    if (e.path("class_uid").asInt() != 2004) p.add("class_uid is not 2004");
    if (e.path("category_uid").asInt() != 2) p.add("category_uid is not 2 (Findings)");
    enumValue(p, e, "activity_id", ACTIVITY);
    enumValue(p, e, "severity_id", SEVERITY);
    enumValue(p, e, "confidence_id", CONFIDENCE);
    enumValue(p, e, "status_id", STATUS);
    enumValue(p, e, "risk_level_id", RISK_LEVEL);
    if (e.path("type_uid").asLong() != 200400L + e.path("activity_id").asInt()) p.add("type_uid is not 2004 * 100 + activity_id");
    if (!e.path("time").isIntegralNumber()) p.add("time is not a timestamp_t (integer milliseconds)");
    if (!e.path("is_alert").isBoolean()) p.add("is_alert is not a boolean");
    metadata(p, e.path("metadata"));
    findingInfo(p, e.path("finding_info"));
    e.path("evidences").forEach(ev -> evidence(p, ev));
    e.path("resources").forEach(r -> entity(p, "resources[]", r));
    e.path("observables").forEach(o -> {
      if (!o.path("type_id").isInt()) p.add("observable without type_id");
      if (!o.has("name")) p.add("observable without name (recommended)");
    });
    if (e.has("unmapped") && !e.path("unmapped").isObject()) p.add("unmapped is not an object");
    return p;
  }

  private static void metadata(List<String> p, JsonNode m) {
    if (!m.path("version").asText().equals("1.8.0")) p.add("metadata.version is not 1.8.0");
    JsonNode product = m.path("product");
    if (!product.isObject()) p.add("metadata.product (required) missing");
    else entity(p, "metadata.product", product);
    if (!product.has("vendor_name")) p.add("metadata.product.vendor_name (recommended) missing");
  }

  private static void findingInfo(List<String> p, JsonNode f) {
    if (!f.path("uid").isTextual() || f.path("uid").asText().isEmpty()) p.add("finding_info.uid (required) missing");
    if (!f.has("title")) p.add("finding_info.title (recommended) missing");
    if (!f.has("analytic")) p.add("finding_info.analytic (recommended) missing");
    else if (!f.path("analytic").path("type_id").isInt()) p.add("finding_info.analytic.type_id (required) missing");
    for (String t : new String[] {"first_seen_time", "last_seen_time"}) {
      if (f.has(t) && !f.path(t).isIntegralNumber()) p.add("finding_info." + t + " is not a timestamp_t");
    }
  }

  private static void evidence(List<String> p, JsonNode ev) {
    boolean any = false;
    for (String k : EVIDENCE_ONE_OF) any |= ev.has(k);
    if (!any) p.add("an evidences item has none of " + EVIDENCE_ONE_OF);
    JsonNode proc = ev.path("process");
    if (ev.has("process") && !proc.has("pid") && !proc.has("uid") && !proc.has("cpid")) p.add("process without pid, uid or cpid");
    if (proc.has("file")) file(p, proc.path("file"));
    if (ev.has("file")) file(p, ev.path("file"));
    JsonNode dst = ev.path("dst_endpoint");
    if (ev.has("dst_endpoint") && !dst.has("ip") && !dst.has("hostname") && !dst.has("uid") && !dst.has("name")) {
      p.add("dst_endpoint without ip, hostname, uid or name");
    }
    if (ev.has("url") && !ev.path("url").has("url_string")) p.add("url without url_string");
    ev.path("resources").forEach(r -> entity(p, "evidences[].resources[]", r));
  }

  private static void file(List<String> p, JsonNode f) {
    if (!f.has("name")) p.add("file.name (required) missing");
    if (!f.path("type_id").isInt()) p.add("file.type_id (required) missing");
  }

  /** _entity: at least one of name and uid. */
  private static void entity(List<String> p, String where, JsonNode n) {
    if (!n.has("name") && !n.has("uid")) p.add(where + " has neither name nor uid");
  }

  private static void enumValue(List<String> p, JsonNode e, String field, Set<Integer> allowed) {
    if (e.has(field) && !allowed.contains(e.path(field).asInt(-1))) p.add(field + " " + e.path(field) + " is not in its enum");
  }
}
