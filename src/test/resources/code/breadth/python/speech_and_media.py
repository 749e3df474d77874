"""Speech, image and video clouds through their own Python SDKs."""
import assemblyai as aai
import fal_client
from cartesia import Cartesia
from deepgram import DeepgramClient
from elevenlabs.client import ElevenLabs
from hume import HumeClient
from lumaai import LumaAI

# expect: sdk-client assemblyai-python
transcript = aai.Transcriber().transcribe("meeting.mp3")
# expect: sdk-client deepgram-python
dg = DeepgramClient()
# expect: sdk-client elevenlabs-python
voice = ElevenLabs()
# expect: sdk-client fal-python
image = fal_client.subscribe("fal-ai/flux/dev", arguments={"prompt": "a lighthouse"})
# expect: sdk-client luma-python
luma = LumaAI()
# expect: sdk-client cartesia-python
tts = Cartesia()
# expect: sdk-client hume-python
hume = HumeClient()
