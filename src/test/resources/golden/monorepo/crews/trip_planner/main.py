from crewai import Agent, Crew, Task

planner = Agent(role="Trip planner", goal="Plan a trip", backstory="...")
crew = Crew(agents=[planner], tasks=[Task(description="plan", agent=planner)])
