"""The lab's Python TLS client: resolves NAME (IPv4), connects to it on 443 and sends one HTTPS request with NAME as its
SNI, trusting any certificate. Usage: tls_client.py NAME"""
import socket, ssl, sys

name = sys.argv[1]
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
addr = socket.getaddrinfo(name, 443, socket.AF_INET, socket.SOCK_STREAM)[0][4]
s = ctx.wrap_socket(socket.create_connection(addr), server_hostname=name)
s.sendall(b"GET / HTTP/1.1\r\nHost: " + name.encode() + b"\r\nConnection: close\r\n\r\n")
s.recv(100)
s.close()
