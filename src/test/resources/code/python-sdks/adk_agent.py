from google.adk.agents import LlmAgent
from google.adk.tools import google_search

# expect: agent google-adk
researcher = LlmAgent(name="researcher", model="gemini-2.0-flash", instruction="Research the question.",
                      tools=[google_search])
