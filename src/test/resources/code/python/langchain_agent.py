from langchain_openai import ChatOpenAI as Chat
from langchain_anthropic import ChatAnthropic
from langchain.agents import AgentExecutor, create_react_agent, load_tools
from langchain_core.tools import tool
from langchain_core.prompts import PromptTemplate
from langchain_experimental.tools import PythonREPLTool
from langchain_community.tools import ShellTool
from langgraph.graph import StateGraph, MessagesState
from langgraph.prebuilt import create_react_agent as create_graph_agent, ToolNode


# expect: tool langchain
@tool
def lookup_order(order_id: str) -> str:
    """Looks up an order."""
    return order_id


class Triage:
    def __init__(self):
        # expect: sdk-client langchain
        self.llm = Chat(model="gpt-4o-mini", temperature=0)
        # expect: sdk-client langchain
        self.fallback = ChatAnthropic(model="claude-3-5-sonnet-latest")


prompt = PromptTemplate.from_template("{input}")
# expect: sdk-client langchain
llm = Chat(model="gpt-4o")
# expect: tool langchain; tool langchain
tools = [lookup_order, PythonREPLTool(), ShellTool()]
# expect: agent langchain
agent = create_react_agent(llm, tools, prompt)
# expect: agent langchain
executor = AgentExecutor(agent=agent, tools=tools)

# expect: agent langgraph
graph = StateGraph(MessagesState)
# expect: tool langgraph
graph.add_node("tools", ToolNode(tools))
# expect: agent langgraph
react = create_graph_agent(llm, tools)
# expect: tool langchain
legacy_tools = load_tools(["serpapi", "llm-math"], llm=llm)
