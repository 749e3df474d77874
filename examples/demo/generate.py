#!/usr/bin/env python3
"""Writes the inputs of `wraith demo`: a cluster snapshot, an audit log, eleven days of Tetragon events and the DNS
answers the wraith sensor recorded on the node over the same days.

The story: acme runs two AI services it built (support/triage-agent calling OpenAI, support/web-chat calling
Anthropic). On 2026-11-16 someone with a contractor account ran `kubectl exec` into the payments API pod, dropped
a Python script into /tmp and left it running under nohup. It has called api.openai.com every four minutes since.
Nothing in the code, the manifests or the image explains it.

api.openai.com sits behind Cloudflare: the address it resolved to also serves other sites. The payments API itself
(the JVM, in the very same pod) calls a partner's rate service on that same address every hour. Only the names each
process resolved (dns.jsonl.gz: the sensor's "dns-answer" lines, between its other output lines) tell the two apart:
the script asked for api.openai.com, the JVM for rates.partner-fx.example.

Run from anywhere: python3 examples/demo/generate.py (deterministic: same bytes every run).
Formats: docs in ../shared/docs/runtime-signals.md (Tetragon protojson export, audit.k8s.io/v1 events,
kubectl get -o json Lists).
"""
import base64
import datetime as dt
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
NODE = "ip-10-42-3-17.eu-west-1.compute.internal"
OPENAI_IP = "162.159.140.245"      # what api.openai.com resolved to on the node: a Cloudflare address
PARTNER_HOST = "rates.partner-fx.example"  # a non-AI site on the same Cloudflare address
OPENAI_TTL = 300
ANTHROPIC_IP = "160.79.104.10"     # inside Anthropic's published range
T0 = dt.datetime(2026, 11, 2, 8, 0, 0, tzinfo=dt.timezone.utc)        # pods started
GHOST_START = dt.datetime(2026, 11, 16, 9, 14, 3, tzinfo=dt.timezone.utc)
END = dt.datetime(2026, 11, 27, 8, 0, 0, tzinfo=dt.timezone.utc)      # the export was taken


def ts(t, nanos=0):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + (".%09dZ" % nanos if nanos else "Z")


def ktime(t):
    return int((t - T0).total_seconds() * 1e9) + 1_000_000_000


def exec_id(t, pid):
    return base64.b64encode(("%s:%d:%d" % (NODE, ktime(t), pid)).encode()).decode()


# --- the workloads -----------------------------------------------------------------------------------------------
PODS = [
    # namespace, deployment, rs hash, pod suffix, uid, container, image, cid, sa, command
    ("payments", "payments-api", "7d9f8b6c5", "x2k4p", "5f0c2b1e-6a7d-4e8f-9b0a-1c2d3e4f5a6b", "api",
     "ghcr.io/acme/payments-api:3.2.1", "4c1e9a7b2d5f8e3a6c9b2e5f8a1d4c7b0e3f6a9c2d5e8b1f4a7c0d3e6b9f2a5c", "payments-api",
     ["java", "-jar", "/app/payments-api.jar"]),
    ("support", "triage-agent", "6b8c9d7f4", "q9w2e", "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "agent",
     "ghcr.io/acme/triage-agent:1.8.2", "9e2d4f6a8c0b1d3e5f7a9c1b3d5e7f9a0c2e4b6d8f0a1c3e5b7d9f1a3c5e7b9d", "triage-agent",
     ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8080"]),
    ("support", "triage-agent", "6b8c9d7f4", "m4n7b", "8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e", "agent",
     "ghcr.io/acme/triage-agent:1.8.2", "1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a2c4e6b8d0f1a3c", "triage-agent",
     ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8080"]),
    ("support", "web-chat", "5c7d8e9f1", "h3j6k", "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "web",
     "ghcr.io/acme/web-chat:1.4.0", "7f9a1c3e5b7d9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a", "default",
     ["node", "server.js"]),
]


def snapshot():
    items = []
    seen = set()
    for ns, dep, rs, suffix, uid, cname, image, cid, sa, cmd in PODS:
        labels = {"app.kubernetes.io/name": dep}
        if dep not in seen:
            seen.add(dep)
            env = []
            if dep == "triage-agent":
                env = [{"name": "OPENAI_API_KEY", "valueFrom": {"secretKeyRef": {"name": "openai", "key": "api-key"}}}]
            if dep == "web-chat":
                env = [{"name": "ANTHROPIC_API_KEY", "valueFrom": {"secretKeyRef": {"name": "anthropic-credentials", "key": "key"}}}]
            if dep == "payments-api":
                env = [{"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "payments-db", "key": "password"}}},
                       {"name": "STRIPE_API_KEY", "valueFrom": {"secretKeyRef": {"name": "stripe", "key": "key"}}}]
            annotations = {"argocd.argoproj.io/tracking-id": "%s:apps/Deployment:%s/%s" % (ns, ns, dep)}
            items.append({
                "apiVersion": "apps/v1", "kind": "Deployment",
                "metadata": {"name": dep, "namespace": ns, "uid": "d-" + uid[2:], "labels": dict(labels, **{"app.kubernetes.io/managed-by": "argocd"}),
                             "annotations": annotations, "creationTimestamp": ts(T0 - dt.timedelta(days=30))},
                "spec": {"replicas": 2 if dep == "triage-agent" else 1, "selector": {"matchLabels": labels},
                         "template": {"metadata": {"labels": labels},
                                      "spec": {"serviceAccountName": sa, "containers": [
                                          {"name": cname, "image": image, "command": cmd[:1], "args": cmd[1:], "env": env}]}}},
                "status": {"replicas": 1, "readyReplicas": 1}})
            items.append({
                "apiVersion": "apps/v1", "kind": "ReplicaSet",
                "metadata": {"name": "%s-%s" % (dep, rs), "namespace": ns, "uid": "r-" + uid[2:], "labels": dict(labels, **{"pod-template-hash": rs}),
                             "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": dep, "uid": "d-" + uid[2:], "controller": True}],
                             "creationTimestamp": ts(T0)},
                "spec": {"replicas": 1, "selector": {"matchLabels": labels}},
                "status": {"replicas": 1}})
        env = items[[i for i, x in enumerate(items) if x["kind"] == "Deployment" and x["metadata"]["name"] == dep][0]]["spec"]["template"]["spec"]["containers"][0]["env"]
        items.append({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": "%s-%s-%s" % (dep, rs, suffix), "namespace": ns, "uid": uid,
                         "labels": dict(labels, **{"pod-template-hash": rs}), "creationTimestamp": ts(T0),
                         "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "%s-%s" % (dep, rs), "uid": "r-" + uid[2:], "controller": True}]},
            "spec": {"nodeName": NODE, "serviceAccountName": sa,
                     "containers": [{"name": cname, "image": image, "command": cmd[:1], "args": cmd[1:], "env": env}]},
            "status": {"phase": "Running", "podIP": "10.42.3.%d" % (20 + len(items)), "hostIP": "10.42.3.17", "qosClass": "Burstable",
                       "startTime": ts(T0),
                       "containerStatuses": [{"name": cname, "image": image, "imageID": image.split(":")[0] + "@sha256:" + cid[:64],
                                              "containerID": "containerd://" + cid, "ready": True, "restartCount": 0, "started": True,
                                              "state": {"running": {"startedAt": ts(T0)}}}]}})
    for sa, ns in [("payments-api", "payments"), ("triage-agent", "support"), ("default", "support")]:
        items.append({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": sa, "namespace": ns}})
    # the payments API reads its own secrets at start-up: so can anything running in its pod
    items.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                  "metadata": {"name": "payments-secrets", "namespace": "payments"},
                  "rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]}]})
    items.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                  "metadata": {"name": "payments-secrets", "namespace": "payments"},
                  "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "payments-secrets"},
                  "subjects": [{"kind": "ServiceAccount", "name": "payments-api", "namespace": "payments"}]})
    return {"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": items}


# --- the audit log -----------------------------------------------------------------------------------------------
def audit():
    pod = "payments-api-7d9f8b6c5-x2k4p"
    t = GHOST_START - dt.timedelta(seconds=83)
    ev = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata",
          "auditID": "3e9f1a2b-7c4d-4e5f-8a6b-9c0d1e2f3a4b", "stage": "ResponseStarted",
          "requestURI": "/api/v1/namespaces/payments/pods/%s/exec?command=%%2Fbin%%2Fsh&container=api&stdin=true&stdout=true&tty=true" % pod,
          "verb": "create",
          "user": {"username": "contractor-ops@acme.example", "groups": ["system:authenticated", "oidc:contractors"]},
          "sourceIPs": ["198.51.100.77"], "userAgent": "kubectl/v1.31.2 (darwin/arm64) kubernetes/5864a46",
          "objectRef": {"resource": "pods", "namespace": "payments", "name": pod, "apiVersion": "v1", "subresource": "exec"},
          "responseStatus": {"metadata": {}, "code": 101},
          "requestReceivedTimestamp": ts(t, 512301000), "stageTimestamp": ts(t, 561044000),
          "annotations": {"authorization.k8s.io/decision": "allow",
                          "authorization.k8s.io/reason": "RBAC: allowed by ClusterRoleBinding \"oncall-exec\" of ClusterRole \"pod-exec\" to Group \"oidc:contractors\""}}
    listing = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata",
               "auditID": "0b7e2c4d-1a3f-4b5e-9c8d-7f6a5b4c3d2e", "stage": "ResponseComplete",
               "requestURI": "/api/v1/namespaces/payments/pods?limit=500", "verb": "list",
               "user": {"username": "contractor-ops@acme.example", "groups": ["system:authenticated", "oidc:contractors"]},
               "sourceIPs": ["198.51.100.77"], "userAgent": "kubectl/v1.31.2 (darwin/arm64) kubernetes/5864a46",
               "objectRef": {"resource": "pods", "namespace": "payments", "apiVersion": "v1"},
               "responseStatus": {"metadata": {}, "code": 200},
               "requestReceivedTimestamp": ts(t - dt.timedelta(seconds=40), 100000000),
               "stageTimestamp": ts(t - dt.timedelta(seconds=40), 130000000)}
    return [listing, ev]


# --- Tetragon events ---------------------------------------------------------------------------------------------
def pod_info(i, probe=False):
    ns, dep, rs, suffix, uid, cname, image, cid, sa, cmd = PODS[i]
    c = {"id": "containerd://" + cid, "name": cname,
         "image": {"id": image.split(":")[0] + "@sha256:" + cid[:64], "name": image},
         "start_time": ts(T0), "pid": 1}
    if probe:
        c["maybe_exec_probe"] = True
    return {"namespace": ns, "name": "%s-%s-%s" % (dep, rs, suffix), "uid": uid, "container": c,
            "pod_labels": {"app.kubernetes.io/name": dep, "pod-template-hash": rs}, "workload": dep, "workload_kind": "Deployment"}


class Proc:
    def __init__(self, pid, t, binary, args, cwd, pod, parent=None, init_tree=True, uid=10001):
        self.pid, self.t, self.binary, self.args, self.cwd, self.pod = pid, t, binary, args, cwd, pod
        self.parent, self.init_tree, self.uid = parent, init_tree, uid
        self.exec_id = exec_id(t, pid)

    def json(self):
        m = {"exec_id": self.exec_id, "pid": self.pid, "uid": self.uid, "cwd": self.cwd, "binary": self.binary}
        if self.args:
            m["arguments"] = self.args
        m["flags"] = "execve clone"
        m["start_time"] = ts(self.t, 118274911)
        m["auid"] = 4294967295
        if self.pod is not None:
            m["pod"] = self.pod
            m["docker"] = self.pod["container"]["id"][len("containerd://"):][:31]
        if self.parent is not None:
            m["parent_exec_id"] = self.parent.exec_id
        m["refcnt"] = 1
        m["tid"] = self.pid
        if self.init_tree:
            m["in_init_tree"] = True
        return m


def line(kind, body, t):
    return json.dumps({kind: body, "node_name": NODE, "time": ts(t, 0)}, separators=(",", ":"))


def exec_line(p):
    body = {"process": p.json()}
    if p.parent is not None:
        body["parent"] = p.parent.json()
    return (p.t, line("process_exec", body, p.t))


DNS = []   # (time, line) of the sensor's recorded DNS answers


def dns_answer(p, name, ip, t, ttl):
    """What the sensor writes when process p receives a DNS answer (its "dns-answer" JSON line)."""
    ns, dep, rs, suffix, uid, cname, image, cid, sa, cmd = PODS[p.pod_index]
    rec = {"type": "dns-answer", "time": ts(t), "node": NODE, "pid": p.pid, "podUid": uid, "containerId": cid,
           "name": name, "answers": [{"ip": ip, "ttl": ttl}]}
    DNS.append((t, json.dumps(rec, separators=(",", ":"))))


def sensor_status(t0, t1):
    """A window's status line, as the sensor writes it between the answers: --dns-log skips it."""
    return json.dumps({"type": "status", "tool": "wraith", "layer": "host", "state": "ran", "start": ts(t0),
                       "end": ts(t1), "warnings": []}, separators=(",", ":"))


def connect_line(p, daddr, dport, t, n):
    sock = {"family": "AF_INET", "type": "SOCK_STREAM", "protocol": "IPPROTO_TCP", "saddr": "10.42.3.%d" % (30 + p.pid % 50),
            "daddr": daddr, "sport": 32768 + (n * 7919) % 28000, "dport": dport,
            "cookie": str(18446633044011339776 + n), "state": "TCP_SYN_SENT"}
    body = {"process": p.json(), "parent": p.parent.json() if p.parent else None, "function_name": "tcp_connect",
            "args": [{"sock_arg": sock}], "action": "KPROBE_ACTION_POST", "policy_name": "wraith-ai-egress"}
    if body["parent"] is None:
        del body["parent"]
    return (t, line("process_kprobe", body, t))


def events():
    out = []
    shim = Proc(2101, T0, "/usr/bin/containerd-shim-runc-v2", "-namespace k8s.io -id 4c1e9a7b2d5f -address /run/containerd/containerd.sock",
                "/run/containerd/io.containerd.runtime.v2.task/k8s.io/4c1e9a7b2d5f", None, init_tree=False, uid=0)
    # payments-api: the JVM, pid 1 in its container
    java = Proc(2140, T0, "/opt/java/openjdk/bin/java", "-jar /app/payments-api.jar", "/app", pod_info(0), shim)
    java.pod_index = 0
    out.append(exec_line(java))
    # the ghost: kubectl exec -> /bin/sh -> nohup python3 /tmp/.cache/reconcile.py
    sh = Proc(88121, GHOST_START - dt.timedelta(seconds=82), "/bin/sh", "", "/app", pod_info(0), shim, init_tree=False)
    out.append(exec_line(sh))
    py = Proc(88164, GHOST_START, "/usr/bin/python3.11", "/tmp/.cache/reconcile.py --interval 240", "/app", pod_info(0), sh, init_tree=False)
    py.pod_index = 0
    out.append(exec_line(py))
    n = 0
    t = GHOST_START + dt.timedelta(seconds=5)
    while t <= END:
        dns_answer(py, "api.openai.com", OPENAI_IP, t - dt.timedelta(seconds=1), OPENAI_TTL)
        out.append(connect_line(py, OPENAI_IP, 443, t, n))
        n += 1
        t += dt.timedelta(seconds=240)
    # the JVM's hourly call to a partner's rate service, on the same Cloudflare address: not AI
    t = T0 + dt.timedelta(days=14, minutes=30)
    while t <= END:
        dns_answer(java, PARTNER_HOST, OPENAI_IP, t - dt.timedelta(seconds=1), 60)
        out.append(connect_line(java, OPENAI_IP, 443, t, n))
        n += 1
        t += dt.timedelta(hours=1)
    # kubelet exec probes in the payments pod: told apart, never AI
    for day in range(0, 25, 6):
        pt = END - dt.timedelta(hours=day, minutes=3)
        probe = Proc(90000 + day, pt, "/bin/sh", "-c \"wget -qO- http://127.0.0.1:8080/healthz\"", "/app", pod_info(0, probe=True), shim, init_tree=False)
        out.append(exec_line(probe))
        out.append((pt + dt.timedelta(seconds=1), line("process_exit", {"process": probe.json(), "parent": shim.json(), "status": 0, "time": ts(pt + dt.timedelta(seconds=1))}, pt + dt.timedelta(seconds=1))))
    # triage-agent replicas: uvicorn serving main:app, calling OpenAI while handling tickets (last 24 h, every ~10 min)
    for i, pid in [(1, 3310), (2, 3377)]:
        shim2 = Proc(pid - 30, T0, "/usr/bin/containerd-shim-runc-v2", "-namespace k8s.io", "/run/containerd", None, init_tree=False, uid=0)
        uv = Proc(pid, T0, "/usr/local/bin/python3.12", "/usr/local/bin/uvicorn main:app --host 0.0.0.0 --port 8080", "/app", pod_info(i), shim2)
        uv.pod_index = i
        out.append(exec_line(uv))
        t = END - dt.timedelta(hours=24) + dt.timedelta(minutes=3 * i)
        while t <= END:
            dns_answer(uv, "api.openai.com", OPENAI_IP, t - dt.timedelta(seconds=2), OPENAI_TTL)
            out.append(connect_line(uv, OPENAI_IP, 443, t, n))
            n += 1
            t += dt.timedelta(minutes=10)
    # web-chat: node server calling Anthropic every ~15 min over the last day
    shim3 = Proc(4080, T0, "/usr/bin/containerd-shim-runc-v2", "-namespace k8s.io", "/run/containerd", None, init_tree=False, uid=0)
    node = Proc(4102, T0, "/usr/local/bin/node", "server.js", "/app", pod_info(3), shim3, uid=1000)
    out.append(exec_line(node))
    t = END - dt.timedelta(hours=24) + dt.timedelta(minutes=7)
    while t <= END:
        out.append(connect_line(node, ANTHROPIC_IP, 443, t, n))
        n += 1
        t += dt.timedelta(minutes=15)
    out.sort(key=lambda x: x[0])
    return [l for _, l in out]


def main():
    with open(os.path.join(HERE, "cluster.json"), "w") as f:
        json.dump(snapshot(), f, indent=1, sort_keys=False)
        f.write("\n")
    with open(os.path.join(HERE, "audit.log"), "w") as f:
        for e in audit():
            f.write(json.dumps(e, separators=(",", ":")) + "\n")
    lines = events()
    with open(os.path.join(HERE, "tetragon.log.gz"), "wb") as raw:
        with gzip.GzipFile(filename="tetragon.log", mode="wb", fileobj=raw, mtime=0) as gz:
            for l in lines:
                gz.write((l + "\n").encode())
    # the sensor's output: its dns-answer lines in time order, with a status line closing each day's window
    answers = sorted(DNS)
    with open(os.path.join(HERE, "dns.jsonl.gz"), "wb") as raw:
        with gzip.GzipFile(filename="dns.jsonl", mode="wb", fileobj=raw, mtime=0) as gz:
            day = None
            for t, l in answers:
                if day is not None and t.date() != day:
                    start = dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)
                    gz.write((sensor_status(start, start + dt.timedelta(days=1)) + "\n").encode())
                day = t.date()
                gz.write((l + "\n").encode())
    print("wrote cluster.json, audit.log, tetragon.log.gz (%d events), dns.jsonl.gz (%d answers)" % (len(lines), len(answers)))


if __name__ == "__main__":
    main()
