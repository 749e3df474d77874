"""The probe lab's servers: HTTPS on 443 accepting any SNI (self-signed certificate) and plain HTTP on 8080, both
answering every request with 200 "ok". Usage: lab_server.py ADDRESS[,ADDRESS...] CERT KEY (IPv4 or IPv6 addresses).
Prints "ready" once listening."""
import socket, ssl, sys, threading
host, cert, key = sys.argv[1], sys.argv[2], sys.argv[3]
def listen(addr, port):
    s = socket.socket(socket.AF_INET6 if ":" in addr else socket.AF_INET)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind((addr, port)); s.listen(128)
    return s
def serve(s, tls):
    ctx = None
    if tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); ctx.load_cert_chain(cert, key)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c, ctx), daemon=True).start()
def handle(c, ctx):
    try:
        c.settimeout(10)
        if ctx: c = ctx.wrap_socket(c, server_side=True)
        data = b''
        while b'\r\n\r\n' not in data:
            d = c.recv(65536)
            if not d: break
            data += d
        c.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok')
    except Exception:
        pass
    finally:
        try: c.close()
        except Exception: pass
for addr in host.split(","):  # bound here, before "ready"; served on threads
    for port, tls in ((443, True), (8080, False)):
        threading.Thread(target=serve, args=(listen(addr, port), tls), daemon=True).start()
print('ready', flush=True)
threading.Event().wait()
