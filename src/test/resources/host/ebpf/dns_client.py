"""A client whose only name is the DNS answer it got: resolves NAME (IPv4), connects to it on 443 and writes bytes that
are neither TLS nor HTTP, so neither an SNI nor a Host header names the destination. Usage: dns_client.py NAME"""
import socket, sys

addr = socket.getaddrinfo(sys.argv[1], 443, socket.AF_INET, socket.SOCK_STREAM)[0][4]
s = socket.create_connection(addr)
s.sendall(b"\x00\x01 not a request")
s.close()
