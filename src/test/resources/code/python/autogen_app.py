import autogen
from autogen_agentchat.agents import AssistantAgent
from autogen_ext.models.openai import OpenAIChatCompletionClient

# expect: agent autogen
assistant = autogen.AssistantAgent("assistant", llm_config={"model": "gpt-4o"})
# expect: agent autogen
user = autogen.UserProxyAgent("user", code_execution_config={"work_dir": "coding", "use_docker": False})
# expect: agent autogen
quiet = autogen.UserProxyAgent("reviewer", code_execution_config=False)

# expect: sdk-client autogen
model_client = OpenAIChatCompletionClient(model="gpt-4o-mini")
# expect: agent autogen
agent = AssistantAgent("helper", model_client=model_client)
