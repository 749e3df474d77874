"""A process for wraith's planted-secrets corpus test, run in a network namespace of its own: it listens on
ADDRESS:PORT (a "ClusterIP" on that namespace's lo), connects to it, writes READY_FILE and sleeps until killed. The
sensor's /proc sampler keeps the connection as an in-cluster line. Usage: incluster.py READY_FILE ADDRESS:PORT [planted
arguments...]; the planted arguments are only there to be read from /proc."""
import socket
import sys
import time

ready, target = sys.argv[1], sys.argv[2]
host, port = target.rsplit(":", 1)
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((host, int(port)))
server.listen(4)
client = socket.create_connection((host, int(port)))
accepted, _ = server.accept()
with open(ready, "w") as f:
    f.write("ready\n")
while True:
    time.sleep(60)
