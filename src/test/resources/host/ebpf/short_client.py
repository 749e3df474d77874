"""A short-lived client for the probe lab: connects to ADDRESS:8080, writes one request, keeps the connection 50 ms,
and exits. Its arguments include a token the masking must hide. Usage: short_client.py ADDRESS --token=... """
import socket, sys, time

s = socket.create_connection((sys.argv[1], 8080))
s.sendall(b"GET /v1/models HTTP/1.1\r\nHost: models.internal\r\nConnection: close\r\n\r\n")
time.sleep(0.05)
s.close()
