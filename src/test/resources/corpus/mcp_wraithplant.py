"""A process for wraith's planted-secrets corpus test: it connects to the address in WRAITH_CORPUS_CONNECT
(host:port) again every half second, keeping the newest connection open (so /proc always shows one and the eBPF
probe, which sees connects as they happen, sees them too), writes a ready file, and runs until killed. Its argv and
environment carry the planted values; its module name makes it look like a Python MCP server to runtime discovery."""
import os
import socket
import time

host, port = os.environ["WRAITH_CORPUS_CONNECT"].rsplit(":", 1)
s = socket.create_connection((host, int(port)))
with open(os.environ["WRAITH_CORPUS_READY"], "w") as f:
    f.write("ready\n")
while True:
    time.sleep(0.5)
    newer = socket.create_connection((host, int(port)))
    s.close()
    s = newer
