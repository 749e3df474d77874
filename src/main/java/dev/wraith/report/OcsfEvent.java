package dev.wraith.report;

import java.util.List;
import java.util.Map;

/**
 * An OCSF 1.8.0 Detection Finding (class_uid 2004, category Findings) and the OCSF objects it uses, as typed records.
 * Component names are the OCSF attribute names in camel case; {@link OcsfReporter} writes them in snake case and
 * leaves out nulls (an absent optional attribute). Required attributes of the class and of each object are never
 * null; every {@code *_id} comes with its caption, as OCSF producers should send both.
 */
record OcsfEvent(
    int activityId,
    String activityName,
    int categoryUid,
    String categoryName,
    int classUid,
    String className,
    long typeUid,
    String typeName,
    int severityId,
    String severity,
    long time,
    int timezoneOffset,
    String message,
    int statusId,
    String status,
    boolean isAlert,
    int confidenceId,
    String confidence,
    int riskLevelId,
    String riskLevel,
    Metadata metadata,
    FindingInfo findingInfo,
    List<Resource> resources,
    List<Evidence> evidences,
    List<Observable> observables,
    Map<String, Object> unmapped) {

  static final String VERSION = "1.8.0";
  static final int CLASS_UID = 2004;
  static final int CATEGORY_UID = 2;

  /** {@code metadata}: the schema version, the product, this event's uid and the original (scan) time. */
  record Metadata(String version, Product product, String uid, String logName, String originalTime) {}

  record Product(String name, String vendorName, String version) {}

  /** {@code finding_info}: uid is stable across scans for the same finding, so a SIEM can group its updates. */
  record FindingInfo(String uid, String title, String desc, List<String> types, Analytic analytic, Long firstSeenTime,
      Long lastSeenTime, List<String> dataSources) {}

  /** {@code analytic}: type_id 1 = Rule (wraith's rules are deterministic, not learned). */
  record Analytic(String uid, String name, int typeId, String type) {}

  /** {@code resource_details}: role_id 1 = Target, 4 = Related. */
  record Resource(String uid, String name, String type, String namespace, String hostname, Integer roleId, String role) {}

  /**
   * {@code evidences}: each item carries one of process, actor, dst_endpoint, file, url or resources, as the object's
   * at-least-one constraint requires.
   */
  record Evidence(ProcessRef process, Actor actor, Endpoint dstEndpoint, File file, Url url, List<Resource> resources) {}

  /** {@code process} (named apart from java.lang.Process; the JSON name is the field's). */
  record ProcessRef(Integer pid, String name, String cmdLine, File file) {}

  record Actor(User user) {}

  record User(String name) {}

  /** {@code network_endpoint}. */
  record Endpoint(String hostname, String ip, Integer port, String svcName) {}

  /** {@code file}: type_id 1 = Regular File. */
  record File(String name, String path, int typeId, String type) {
    static File regular(String path) {
      int slash = path.lastIndexOf('/');
      return new File(slash < 0 ? path : path.substring(slash + 1), path, 1, "Regular File");
    }
  }

  record Url(String urlString) {}

  /** {@code observable}: type_id 1 Hostname, 2 IP Address, 9 Process Name, 10 Resource UID, 45 File Path. */
  record Observable(String name, int typeId, String type, String value) {}
}
