package dev.wraith.incluster;

import java.util.List;

/** The sensor pods of the DaemonSet, as the API server lists them (the {@link KubeSensorPods} port implementation). */
public interface SensorPods {
  /** One sensor pod; {@code ip} is "" until the pod has one. */
  record SensorPod(String name, String node, String ip, String phase, boolean ready) {}

  /** Every pod matching the sensor selector, sorted by node; throws when the API refuses or fails. */
  List<SensorPod> list();

  /** Where the pods are looked for, for messages ("namespace wraith-system, app.kubernetes.io/name=wraith-sensor"). */
  String describe();
}
