#!/usr/bin/env python3
"""A tiny MCP server over stdio for wraith's planted-secrets corpus test. Never run it as a real server.

It writes what careless servers write to stderr: its whole argv (as a list and as a line), an Authorization header
built from its environment, and its environment's token in a URL. With "exit" anywhere in argv it does that and
exits; otherwise it answers initialize and tools/list.
"""
import json
import os
import sys

token = os.environ.get("ECHO_TOKEN", "")
sys.stderr.write("starting with argv %r\n" % (sys.argv,))
sys.stderr.write("args=%s\n" % json.dumps(sys.argv[1:]))
sys.stderr.write("command line: %s\n" % " ".join(sys.argv))
sys.stderr.write("Authorization: Bearer %s\n" % token)
sys.stderr.write("connecting to https://echo:%s@api.example.com/v1?token=%s\n" % (token, token))
sys.stderr.flush()
if "exit" in sys.argv:
    sys.exit(3)


def reply(msg_id, result):
    sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": msg_id, "result": result}) + "\n")
    sys.stdout.flush()


for line in sys.stdin:
    msg = json.loads(line)
    method, msg_id = msg.get("method"), msg.get("id")
    if msg_id is None:
        continue
    if method == "initialize":
        reply(msg_id, {"protocolVersion": msg["params"]["protocolVersion"], "capabilities": {"tools": {}},
                       "serverInfo": {"name": "wraith-corpus-echo", "version": "0.0.1"}})
    elif method == "tools/list":
        reply(msg_id, {"tools": [{"name": "echo", "description": "Echoes its input.",
                                  "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}}}}]})
    else:
        sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": msg_id,
                                     "error": {"code": -32601, "message": "no such method"}}) + "\n")
        sys.stdout.flush()
