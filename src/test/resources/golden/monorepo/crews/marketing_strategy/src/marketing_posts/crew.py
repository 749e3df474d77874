from crewai import Agent, Crew, Task
from crewai_tools import FileReadTool

lead_market_analyst = Agent(role="Lead Market Analyst", goal="Analyse the market", backstory="...", tools=[FileReadTool()])
crew = Crew(agents=[lead_market_analyst], tasks=[Task(description="research", agent=lead_market_analyst)])
