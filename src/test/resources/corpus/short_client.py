"""A short-lived client for wraith's planted-secrets corpus test: connects to HOST:PORT, writes the request in
WRAITH_CORPUS_REQUEST (a first write the eBPF probe reads: its Host is kept, its query and headers never), keeps the
connection 50 ms and exits. Usage: short_client.py HOST:PORT [planted arguments...]; the arguments are only there to
be read from its exec event."""
import os
import socket
import sys
import time

host, port = sys.argv[1].rsplit(":", 1)
s = socket.create_connection((host, int(port)))
s.sendall(os.environ.get("WRAITH_CORPUS_REQUEST", "").encode())
time.sleep(0.05)
s.close()
