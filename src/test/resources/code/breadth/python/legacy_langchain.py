"""Old and community LangChain import paths still name their provider."""
from langchain.chat_models import ChatAnthropic, ChatVertexAI
from langchain.embeddings import OpenAIEmbeddings
from langchain.llms import AzureOpenAI, Ollama
from langchain.vectorstores import ElasticsearchStore
from langchain_community.chat_models import ChatTongyi, MoonshotChat
from langchain_community.llms import Bedrock
from langchain_community.vectorstores import LanceDB
from langchain_google_alloydb_pg import AlloyDBVectorStore
from langchain_google_vertexai import VectorSearchVectorStore
from langchain_ibm import ChatWatsonx
from langchain_nvidia_ai_endpoints import ChatNVIDIA

# expect: sdk-client langchain
llm = Ollama(model="llama3")
# expect: sdk-client langchain
azure = AzureOpenAI(deployment_name="gpt-35")
# expect: sdk-client langchain
claude = ChatAnthropic()
# expect: sdk-client langchain
gemini = ChatVertexAI()
# expect: sdk-client langchain
qwen = ChatTongyi()
# expect: sdk-client langchain
kimi = MoonshotChat()
# expect: sdk-client langchain
titan = Bedrock(model_id="amazon.titan-text-express-v1")
# expect: sdk-client langchain
emb = OpenAIEmbeddings()
# expect: sdk-client langchain
granite = ChatWatsonx(model_id="ibm/granite-3-8b-instruct")
# expect: sdk-client langchain
nim = ChatNVIDIA(model="meta/llama3-70b-instruct")
# expect: vector-store langchain
es = ElasticsearchStore(index_name="docs", embedding=emb)
# expect: vector-store langchain
lance = LanceDB(embedding=emb)
# expect: vector-store langchain
alloy = AlloyDBVectorStore.create_sync(engine=None, table_name="docs", embedding_service=emb)
# expect: vector-store langchain
vs = VectorSearchVectorStore.from_components(project_id="p", region="us-central1", gcs_bucket_name="b",
                                             index_id="i", endpoint_id="e")
