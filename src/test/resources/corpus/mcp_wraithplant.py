"""A process for wraith's planted-secrets corpus test: it holds one TCP connection to the address in
WRAITH_CORPUS_CONNECT (host:port), writes a ready file, and sleeps until killed. Its argv and environment carry the
planted values; its module name makes it look like a Python MCP server to runtime discovery."""
import os
import socket
import time

host, port = os.environ["WRAITH_CORPUS_CONNECT"].rsplit(":", 1)
s = socket.create_connection((host, int(port)))
with open(os.environ["WRAITH_CORPUS_READY"], "w") as f:
    f.write("ready\n")
while True:
    time.sleep(60)
