"""Support triage agent: reads new tickets, looks up context, and routes them."""
import os

from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from qdrant_client import QdrantClient

from .tools import escalate, lookup_ticket

MODEL = os.getenv("TRIAGE_MODEL", "gpt-4o-mini")

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
memory = QdrantClient(url=os.environ.get("QDRANT_URL", "http://qdrant.ai.svc.cluster.local:6333"))
agent = create_react_agent(llm, tools=[lookup_ticket, escalate])


def triage(ticket: dict) -> str:
    result = agent.invoke({"messages": [("user", ticket["body"])]})
    return result["messages"][-1].content
