# unit: library OpenAI (openai-python)
import openai

client = openai.OpenAI()
