#!/usr/bin/env python3
"""Fleet inputs for bench/inventory-bench.sh, deterministic.

gen_fleet.py inventories TEMPLATE.json OUT_DIR REPOS
    REPOS code inventories: copies of a real one (made by `wraith scan --format inventory` from a tree whose names
    carry the token zz0000) with the token replaced by the repository's number (same length, so every inventory's
    own order is kept). Repository i has unit agent-<i>, building image registry.example.com/acme/agent-<i> and
    declaring Deployment agent-<i> (no namespace).
gen_fleet.py snapshot OUT.json CLUSTER REPOS PODS
    A kubectl-shaped v1 List of one cluster: Deployment agent-<i> (namespaces c<CLUSTER>-team-<i % 40>), a ReplicaSet
    and 4 pods each, for the first (PODS - 40) / 4 repositories; 10 more Deployments of 4 pods that declare AI with no
    code behind them (ghosts, declared-only). Every AI workload declares OPENAI_API_KEY from a secret. UIDs carry the
    cluster, so three files are three sets of objects.
"""
import json
import sys

TOKEN = "zz0000"
T = "2026-03-01T09:00:00Z"


def inventories(template, out_dir, repos):
    text = open(template).read()
    assert TOKEN in text, "the template inventory must carry the token " + TOKEN
    for i in range(repos):
        with open("%s/repo-%06d.json" % (out_dir, i), "w") as f:
            f.write(text.replace(TOKEN, "%06d" % i))


def meta(cluster, kind, n, name, ns, owner=None):
    m = {"creationTimestamp": T, "name": name, "namespace": ns, "labels": {"app": name},
         "uid": "c%d-%s-%08d" % (cluster, kind, n)}
    if owner:
        m["ownerReferences"] = [{"apiVersion": "apps/v1", "kind": owner[0], "name": owner[1], "controller": True,
                                 "uid": "c%d-%s-%08d" % (cluster, owner[2], n if owner[0] != "ReplicaSet" else owner[3])}]
    return m


def container(image):
    return {"name": "app", "image": image, "ports": [{"containerPort": 8080}],
            "env": [{"name": "LOG_LEVEL", "value": "info"},
                    {"name": "OPENAI_API_KEY", "valueFrom": {"secretKeyRef": {"name": "llm", "key": "key"}}}]}


def snapshot(out, cluster, repos, pods):
    backed = min(repos, (pods - 40) // 4)
    names = [("agent-%06d" % i, "registry.example.com/acme/agent-%06d:1.0" % i) for i in range(backed)]
    names += [("shadow-%02d" % j, "registry.example.com/contractor/helper-%02d:0.%d" % (j, j)) for j in range(10)]
    with open(out, "w") as f:
        f.write('{"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""}, "items": [\n')
        first = True
        n = 0
        for d, (name, image) in enumerate(names):
            ns = "c%d-team-%d" % (cluster, d % 40)
            rs = name + "-7f9c"
            objs = [{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta(cluster, "deploy", d, name, ns),
                     "spec": {"replicas": 4, "template": {"spec": {"containers": [container(image)]}}},
                     "status": {"replicas": 4, "readyReplicas": 4}},
                    {"apiVersion": "apps/v1", "kind": "ReplicaSet",
                     "metadata": meta(cluster, "rs", d, rs, ns, ("Deployment", name, "deploy")),
                     "spec": {"replicas": 4}, "status": {"replicas": 4}}]
            for p in range(4):
                objs.append({"apiVersion": "v1", "kind": "Pod",
                             "metadata": meta(cluster, "pod", n, "%s-%05d" % (rs, p), ns, ("ReplicaSet", rs, "rs", d)),
                             "spec": {"nodeName": "node-%d" % (n % 200), "containers": [container(image)]},
                             "status": {"phase": "Running", "podIP": "10.%d.%d.%d" % (cluster, n // 256 % 256, n % 256),
                                        "containerStatuses": [{"name": "app", "image": image, "ready": True,
                                                               "containerID": "containerd://c%d%016x" % (cluster, n),
                                                               "state": {"running": {"startedAt": T}}}]}})
                n += 1
            for o in objs:
                f.write(("" if first else ",\n") + json.dumps(o, separators=(",", ":")))
                first = False
        f.write("\n]}\n")
    return n


if __name__ == "__main__":
    if sys.argv[1] == "inventories":
        inventories(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        print(snapshot(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])))
