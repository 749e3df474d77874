"""Tools the triage agent may call."""
import requests
from langchain_core.tools import tool

CRM = "https://crm.internal.acme.example/api/tickets"


@tool
def lookup_ticket(ticket_id: str) -> dict:
    """Fetch a support ticket from the CRM."""
    return requests.get(f"{CRM}/{ticket_id}", timeout=10).json()


@tool
def escalate(ticket_id: str, reason: str) -> str:
    """Escalate a ticket to a human."""
    requests.post(f"{CRM}/{ticket_id}/escalate", json={"reason": reason}, timeout=10)
    return "escalated"
