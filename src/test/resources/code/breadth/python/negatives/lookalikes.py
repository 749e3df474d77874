"""Names that look like the SDKs but are local code or other packages."""
from .deepgram import DeepgramClient
from mylib.llms import Ollama
from mycompany.chat_models import ChatTongyi
from transcription import Transcriber
import fal
import hume_utils

client = DeepgramClient()
llm = Ollama()
qwen = ChatTongyi()
t = Transcriber()
fal.run("job")
hume_utils.HumeClient()
URL = "https://api.sambanova.ai.example.org/v1"
NOT_A_KEY = "LUMA_API_KEYS"
