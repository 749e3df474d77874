import httpx
import requests

# expect: ai-endpoint openai
OPENAI_URL = "https://api.openai.com/v1/chat/completions"
# expect: ai-endpoint azure-openai
AZURE = "https://contoso-eastus.openai.azure.com/openai/deployments/gpt4/chat/completions?api-version=2024-06-01"


def chat(prompt):
    return requests.post(OPENAI_URL, json={"model": "gpt-4o", "messages": [{"role": "user", "content": prompt}]})


def groq(prompt):
    # expect: ai-endpoint groq
    return httpx.post("https://api.groq.com/openai/v1/chat/completions", json={"prompt": prompt})


def local(prompt):
    # expect: ai-endpoint ollama
    return requests.post("http://localhost:11434/api/generate", json={"model": "llama3", "prompt": prompt})


def bedrock(body):
    # expect: ai-endpoint aws-bedrock
    return requests.post("https://bedrock-runtime.us-west-2.amazonaws.com/model/x/invoke", data=body)
