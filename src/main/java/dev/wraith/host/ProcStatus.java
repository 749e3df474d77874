package dev.wraith.host;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of /proc/PID/status the sensor needs: real uid and NSpid (host pid first, innermost
 * namespace's pid last; one value on kernels before 4.1 or outside any PID namespace).
 */
record ProcStatus(int uid, List<Integer> nsPids) {
  static ProcStatus parse(String text, int pid) {
    int uid = -1;
    List<Integer> ns = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("Uid:")) {
        uid = Integer.parseInt(line.substring(4).trim().split("\\s+", -1)[0]);
      } else if (line.startsWith("NSpid:")) {
        for (String v : line.substring(6).trim().split("\\s+", -1)) if (!v.isEmpty()) ns.add(Integer.parseInt(v));
      }
    }
    if (ns.isEmpty()) ns.add(pid);
    return new ProcStatus(uid, List.copyOf(ns));
  }
}
