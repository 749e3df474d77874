# Opens COUNT connections to HOST:PORT one after another, each held HOLD seconds, GAP seconds apart,
# then writes the number made to DONE_FILE.
import socket, sys, time

host, port, count, hold, gap, done_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
made = 0
for _ in range(count):
    c = socket.create_connection((host, port), timeout=2)
    time.sleep(hold)
    c.close()
    made += 1
    time.sleep(gap)
with open(done_file, "w") as f:
    f.write(str(made))
