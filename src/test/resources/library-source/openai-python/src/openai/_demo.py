# unit: library OpenAI (openai-python)
from openai import OpenAI

client = OpenAI()
