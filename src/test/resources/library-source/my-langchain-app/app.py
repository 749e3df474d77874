# unit: agent my-langchain-app
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")
