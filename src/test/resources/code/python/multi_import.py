# Several modules in one import statement: the prefilter must still let the file through.
import os, sys, anthropic
import json,openai

# expect: sdk-client anthropic-python
claude = anthropic.Anthropic()
# expect: sdk-client openai-python
client = openai.OpenAI(base_url=os.getenv("LLM_GATEWAY"))
