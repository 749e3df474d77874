# A project with its own module called "agents" (not the OpenAI Agents SDK) and a local llm helper.
from agents import build_pipeline
from .llm import complete

pipeline = build_pipeline()
text = complete("hello")
