"""Health checks for our services.

This module has nothing to do with OpenAI or LangChain; it only pings internal endpoints.
"""
import requests
from openapi_spec_validator import validate_spec
from openapi_core import Spec

HEALTH = "https://status.example.com/health"
agent = "wraith-health/1.0"
headers = {"User-Agent": agent}
NOT_A_HOST = "api.openai.com.evil.example"
LOOKALIKE = "https://api.openai.com.attacker.net/v1"


def check():
    response = requests.get(HEALTH, headers=headers, timeout=5)
    validate_spec(Spec.from_dict({}))
    return response.ok


def describe():
    "OpenAI, Anthropic and api.anthropic.com are mentioned here in a docstring only."
    return "ok"
