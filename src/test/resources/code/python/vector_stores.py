import chromadb
import weaviate
from pinecone import Pinecone
from qdrant_client import QdrantClient
from pymilvus import MilvusClient

# expect: vector-store pinecone-python
pc = Pinecone(api_key=api_key)
# expect: vector-store qdrant-python; ai-endpoint qdrant
qdrant = QdrantClient(url="http://qdrant:6333")
# expect: vector-store chroma-python
chroma = chromadb.HttpClient(host="chroma", port=8000)
# expect: vector-store weaviate-python
wv = weaviate.connect_to_weaviate_cloud(cluster_url=url, auth_credentials=creds)
# expect: vector-store milvus-python; ai-endpoint milvus
milvus = MilvusClient(uri="http://milvus:19530")
# expect: ai-endpoint pinecone
INDEX_HOST = "https://docs-index-c01b5b5.svc.us-east1-gcp.pinecone.io"
