# unit: agent support-bot
from openai import OpenAI

client = OpenAI()
