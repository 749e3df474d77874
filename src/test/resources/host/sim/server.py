# Test stand-in for provider endpoints: listens on every HOST:PORT given, holds each accepted
# connection until the peer closes it, and counts accepts per port in COUNT_FILE.PORT. Exits after 120 s.
import selectors, socket, sys, time

sel = selectors.DefaultSelector()
counts = {}
count_file = sys.argv[1]
for spec in sys.argv[2:]:
    host, port = spec.rsplit(":", 1)
    s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, int(port)))
    s.listen(64)
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ, ("listen", int(port)))
    counts[int(port)] = 0
open(count_file + ".ready", "w").close()
deadline = time.time() + 120
while time.time() < deadline:
    for key, _ in sel.select(timeout=0.5):
        kind, port = key.data
        if kind == "listen":
            conn, _ = key.fileobj.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, ("conn", port))
            counts[port] += 1
            with open(count_file + "." + str(port), "w") as f:
                f.write(str(counts[port]))
        else:
            try:
                data = key.fileobj.recv(4096)
            except OSError:
                data = b""
            if not data:
                sel.unregister(key.fileobj)
                key.fileobj.close()
