# A project's own helpers named like hosted-model SDKs: none of them comes from the SDK packages.
from .clients import Together, InferenceClient, LLM
from .replicate import run
from .db import register_vector

together_client = Together()
hf = InferenceClient(model="local-stub")
fw = LLM(model="stub")
run("yorickvp/llava-13b")
register_vector(None)


class Agent:
    """Not the OpenAI Agents SDK: a local class that happens to share the name."""


helper = Agent()
