# A stand-in AI agent: connects to every HOST:PORT given (retrying until each listener is up), holds
# the connections open, touches READY_FILE, then sleeps until killed (at most 120 s).
import socket, sys, time

ready_file = sys.argv[1]
held = []
for spec in sys.argv[2:]:
    host, port = spec.rsplit(":", 1)
    for _ in range(200):
        try:
            held.append(socket.create_connection((host, int(port)), timeout=2))
            break
        except OSError:
            time.sleep(0.05)
    else:
        sys.exit("could not connect to " + spec)
open(ready_file, "w").close()
time.sleep(120)
