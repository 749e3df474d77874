from crewai import Agent, Crew, Task
from crewai_tools import CodeInterpreterTool, SerperDevTool

# expect: agent crewai
researcher = Agent(role="Researcher", goal="Find facts", backstory="...", llm="gpt-4o")
# expect: agent crewai
coder = Agent(
    role="Coder",
    goal="Write and run code",
    backstory="...",
    allow_code_execution=True,
    # expect: tool crewai; tool crewai
    tools=[CodeInterpreterTool(), SerperDevTool()],
)
task = Task(description="Summarise", agent=researcher, expected_output="text")
# expect: agent crewai
crew = Crew(agents=[researcher, coder], tasks=[task])
