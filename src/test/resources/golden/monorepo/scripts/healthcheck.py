"""Pings every service. Mentions OpenAI and LangChain only in this docstring."""
import requests

SERVICES = ["https://triage.acme.example/health", "https://chat.acme.example/health"]
agent = "acme-healthcheck/1.0"

for url in SERVICES:
    print(url, requests.get(url, headers={"User-Agent": agent}, timeout=5).status_code)
