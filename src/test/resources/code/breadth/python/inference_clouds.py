import os

import dashscope
import voyageai
from ai21 import AI21Client
from cerebras.cloud.sdk import Cerebras
from gigachat import GigaChat
from ibm_watsonx_ai.foundation_models import ModelInference
from qianfan import ChatCompletion
from writerai import Writer
from yandex_cloud_ml_sdk import YCloudML
from zhipuai import ZhipuAI

# expect: sdk-client cerebras-python; env-var cerebras
fast = Cerebras(api_key=os.environ["CEREBRAS_API_KEY"])
# expect: sdk-client voyage-python
embedder = voyageai.Client()
# expect: sdk-client ai21-python
jamba = AI21Client()
# expect: sdk-client writer-python
palmyra = Writer()
# expect: sdk-client dashscope-python
answer = dashscope.Generation.call(model="qwen-max", prompt="hi")
# expect: sdk-client zhipuai-python
glm = ZhipuAI()
# expect: sdk-client qianfan-python
ernie = ChatCompletion()
# expect: sdk-client watsonx-python
granite = ModelInference(model_id="ibm/granite-13b-instruct-v2")
# expect: sdk-client gigachat-python
giga = GigaChat()
# expect: sdk-client yandex-ml-python
yandex = YCloudML(folder_id="b1g")
# expect: ai-endpoint sambanova
SAMBANOVA = "https://api.sambanova.ai/v1"
# expect: env-var baseten
BASETEN = os.getenv("BASETEN_API_KEY")
