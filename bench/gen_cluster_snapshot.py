#!/usr/bin/env python3
"""Writes a kubectl-shaped `v1 List` snapshot: N deployments, each with a ReplicaSet and PODS/N pods, plus
services, config maps and kube-system DaemonSets. Every tenth deployment declares AI use. Deterministic."""
import json
import sys

deployments = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
pods = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
out = sys.argv[3] if len(sys.argv) > 3 else "/dev/stdout"
T = "2026-03-01T09:00:00Z"


def meta(name, ns, labels, owner=None, i=0):
    m = {"creationTimestamp": T, "name": name, "namespace": ns, "labels": labels,
         "resourceVersion": str(100000 + i), "uid": "00000000-0000-4000-8000-%012d" % i}
    if owner:
        m["ownerReferences"] = [{"apiVersion": "apps/v1", "kind": owner[0], "name": owner[1], "controller": True,
                                 "blockOwnerDeletion": True, "uid": "00000000-0000-4000-9000-%012d" % i}]
    return m


def container(i):
    env = [{"name": "LOG_LEVEL", "value": "info"}, {"name": "PORT", "value": "8080"},
           {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db-%d" % i, "key": "password"}}}]
    if i % 10 == 0:
        env.append({"name": "OPENAI_API_KEY", "valueFrom": {"secretKeyRef": {"name": "llm-%d" % i, "key": "key"}}})
        env.append({"name": "OPENAI_BASE_URL", "value": "https://api.openai.com/v1"})
    return {"name": "app", "image": "registry.example.com/team%d/svc-%d:1.%d.0" % (i % 40, i, i % 9), "env": env,
            "ports": [{"containerPort": 8080, "protocol": "TCP"}],
            "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}},
            "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
            "imagePullPolicy": "IfNotPresent"}


def spec(i):
    return {"containers": [container(i)], "dnsPolicy": "ClusterFirst", "restartPolicy": "Always",
            "schedulerName": "default-scheduler", "serviceAccountName": "default", "terminationGracePeriodSeconds": 30}


with open(out, "w") as f:
    f.write('{\n    "apiVersion": "v1",\n    "items": [\n')
    first = True

    def emit(obj):
        global first
        f.write(("" if first else ",\n") + json.dumps(obj, indent=4))
        first = False

    per = max(1, pods // deployments)
    n = 0
    for d in range(deployments):
        ns = "team-%d" % (d % 40)
        name = "svc-%d" % d
        labels = {"app": name, "app.kubernetes.io/managed-by": "Helm"} if d % 3 == 0 else {"app": name}
        emit({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta(name, ns, labels, i=d),
              "spec": {"replicas": per, "selector": {"matchLabels": {"app": name}},
                       "template": {"metadata": {"labels": {"app": name}}, "spec": spec(d)}}, "status": {"replicas": per}})
        rs = "%s-%08x" % (name, d * 2654435761 % (1 << 32))
        h = rs.rsplit("-", 1)[1]
        emit({"apiVersion": "apps/v1", "kind": "ReplicaSet",
              "metadata": meta(rs, ns, dict(labels, **{"pod-template-hash": h}), ("Deployment", name), d),
              "spec": {"replicas": per}, "status": {"replicas": per}})
        emit({"apiVersion": "v1", "kind": "Service", "metadata": meta(name, ns, {"app": name}, i=d),
              "spec": {"type": "ClusterIP", "selector": {"app": name}, "ports": [{"port": 80, "targetPort": 8080}]}})
        emit({"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta(name + "-config", ns, {}, i=d),
              "data": {"APP_MODE": "prod", "UPSTREAM": "https://internal-%d.example.com/api" % d}})
        for p in range(per):
            if n >= pods:
                break
            pod = {"apiVersion": "v1", "kind": "Pod",
                   "metadata": meta("%s-%05x" % (rs, p), ns, dict(labels, **{"pod-template-hash": h}), ("ReplicaSet", rs), n),
                   "spec": dict(spec(d), nodeName="node-%d" % (n % 50)),
                   "status": {"phase": "Running", "podIP": "10.%d.%d.%d" % (n // 65536, n // 256 % 256, n % 256),
                              "containerStatuses": [{"name": "app", "ready": True, "restartCount": n % 4,
                                                     "image": container(d)["image"], "imageID": "",
                                                     "state": {"running": {"startedAt": T}}}]}}
            emit(pod)
            n += 1
    for ds in ["kube-proxy", "cilium", "calico-node"]:
        emit({"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": meta(ds, "kube-system", {"k8s-app": ds}),
              "spec": {"template": {"spec": {"containers": [{"name": ds, "image": "registry.k8s.io/%s:v1" % ds}]}}}})
    f.write('\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n')
