from crewai import Agent, Crew, Task

# no llm: CrewAI runs the agent on OpenAI
# expect: agent crewai
researcher = Agent(role="Researcher", goal="Find facts", backstory="Curious")
task = Task(description="Research", agent=researcher, expected_output="notes")
# expect: agent crewai
crew = Crew(agents=[researcher], tasks=[task])
