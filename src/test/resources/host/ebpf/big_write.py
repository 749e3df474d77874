"""Writes one request of more than the probe's 2 KiB bound in a single call: the head, a body with a fake key inside
the bound, and a marker after it. The marker comes from the environment (PROBE_LAB_MARKER), never the command line,
which the probe reports. Usage: PROBE_LAB_MARKER=... big_write.py ADDRESS"""
import os, socket, sys

body = b'{"api_key": "sk-proj-FAKEBODYKEYFAKEBODYKEY", "pad": "' + b"a" * 2100 + b'", "tail": "' + os.environ['PROBE_LAB_MARKER'].encode() + b'"}'
head = b"POST /v1/upload HTTP/1.1\r\nHost: models.internal\r\nContent-Length: %d\r\n\r\n" % len(body)
s = socket.create_connection((sys.argv[1], 8080))
s.sendall(head + body)
s.recv(100)
s.close()
