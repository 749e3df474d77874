"""Answers a question with whichever hosted model the deployment configures."""
import os

import replicate
import together
import vertexai
import google.generativeai as genai
from fireworks import LLM
from fireworks.client import Fireworks
from huggingface_hub import InferenceClient
from vertexai.generative_models import GenerativeModel
from xai_sdk import Client as XaiClient

# expect: sdk-client fireworks-python
fw = LLM(model="accounts/fireworks/models/llama-v3p1-8b-instruct", deployment_type="serverless")
# expect: sdk-client fireworks-python; env-var fireworks
fw_legacy = Fireworks(api_key=os.environ["FIREWORKS_API_KEY"])
# expect: sdk-client together-python
tg = together.Together()
# expect: sdk-client huggingface-hub-python
hf = InferenceClient(model="meta-llama/Llama-3.1-8B-Instruct")
# expect: sdk-client xai-python; env-var xai
grok = XaiClient(api_key=os.environ["XAI_API_KEY"])
# expect: sdk-client google-generativeai-python; env-var google-gemini
genai.configure(api_key=os.environ["GOOGLE_API_KEY"])
# expect: sdk-client google-generativeai-python
gemini = genai.GenerativeModel("gemini-1.5-flash")
# expect: sdk-client vertexai-python
vertexai.init(project="acme-prod", location="europe-west4")
# expect: sdk-client vertexai-python
vertex = GenerativeModel("gemini-1.5-pro")


def caption(image_url: str) -> str:
    # expect: sdk-client replicate-python
    return "".join(replicate.run("yorickvp/llava-13b", input={"image": image_url}))
