import anthropic
import boto3
import cohere
import dspy
import litellm
import ollama
from google import genai
from groq import Groq
from mistralai import Mistral
from pydantic_ai import Agent as PydanticAgent
from smolagents import CodeAgent, InferenceClientModel
from llama_index.llms.openai import OpenAI as LlamaOpenAI
from llama_index.core.agent import ReActAgent

# expect: sdk-client anthropic-python
claude = anthropic.Anthropic()
# expect: sdk-client anthropic-python
bedrock_claude = anthropic.AnthropicBedrock(aws_region="us-east-1")
# expect: sdk-client google-genai-python
gemini = genai.Client()
# expect: sdk-client bedrock-boto3
runtime = boto3.client("bedrock-runtime", region_name="eu-west-1")
s3 = boto3.client("s3")
# expect: sdk-client mistral-python
mistral = Mistral(api_key=key)
# expect: sdk-client cohere-python
co = cohere.ClientV2()
# expect: sdk-client groq-python
groq = Groq()
# expect: sdk-client ollama-python
answer = ollama.chat(model="llama3.1", messages=[])
# expect: sdk-client litellm
reply = litellm.completion(model="anthropic/claude-3-5-sonnet", messages=[])
# expect: agent pydantic-ai
assistant = PydanticAgent("openai:gpt-4o", system_prompt="Be brief")


# expect: tool pydantic-ai
@assistant.tool_plain
def roll() -> int:
    return 4


# expect: agent smolagents; sdk-client smolagents
coder = CodeAgent(tools=[], model=InferenceClientModel())
# expect: sdk-client dspy
lm = dspy.LM("openai/gpt-4o-mini")
# expect: agent dspy
react = dspy.ReAct("question -> answer", tools=[])
# expect: agent llamaindex; sdk-client llamaindex
li_agent = ReActAgent.from_tools([], llm=LlamaOpenAI(model="gpt-4o"))
