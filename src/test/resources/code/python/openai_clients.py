"""Fixture: OpenAI SDK clients reached through aliases. Mentions api.openai.com in a docstring only."""
import os
import anthropic as anthropic_sdk
import openai as oa
from openai import AzureOpenAI, AsyncOpenAI as Async

# expect: sdk-client openai-python
client = oa.OpenAI()
# expect: sdk-client openai-python
aclient = Async(base_url=os.getenv("OPENAI_BASE_URL_OVERRIDE"))
# expect: sdk-client openai-python
azure = AzureOpenAI(
    # expect: env-var azure-openai
    azure_endpoint=os.environ["AZURE_OPENAI_ENDPOINT"],
    api_version="2024-06-01",
)


def ask(question: str) -> str:
    """Calls OpenAI's chat completions API."""
    reply = client.chat.completions.create(model="gpt-4o", temperature=0.2, messages=[{"role": "user", "content": question}])
    return reply.choices[0].message.content


def legacy(prompt):
    # expect: sdk-client openai-python
    return oa.ChatCompletion.create(model="gpt-3.5-turbo", messages=[{"role": "user", "content": prompt}])


async def stream(prompt):
    # expect: sdk-client anthropic-python
    async with anthropic_sdk.AsyncAnthropic() as claude:
        return await claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=256, messages=[])
