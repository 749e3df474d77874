from agents import Agent, Runner, WebSearchTool, function_tool


# expect: tool openai-agents
@function_tool
def lookup_order(order_id: str) -> str:
    return f"order {order_id}: shipped"


# expect: agent openai-agents
support = Agent(name="support", instructions="Help with orders.", model="gpt-4o-mini",
                # expect: tool openai-agents
                tools=[lookup_order, WebSearchTool()])
# expect: agent openai-agents
result = Runner.run_sync(support, "Where is order 42?")
