import os

from crewai import LLM, Agent, Crew, Task

llm = LLM(model="nvidia_nim/meta/llama-3.1-70b-instruct", base_url="https://integrate.api.nvidia.com/v1")
writer = Agent(role="Copy writer", goal="Write posts", backstory="...", llm=llm)
crew = Crew(agents=[writer], tasks=[Task(description="write", agent=writer)])
