import lancedb
import turbopuffer
from astrapy import DataAPIClient
from azure.search.documents import SearchClient
from google.cloud import aiplatform
from upstash_vector import Index

# expect: vector-store lancedb-python
db = lancedb.connect("s3://bucket/lance")
# expect: vector-store turbopuffer-python
tpuf = turbopuffer.Turbopuffer(region="gcp-us-central1")
# expect: vector-store astra-db-python
astra = DataAPIClient("token")
# expect: vector-store azure-search-python; ai-endpoint azure-ai-search
search = SearchClient(endpoint="https://docs.search.windows.net", index_name="docs", credential=None)
# expect: vector-store upstash-vector-python
index = Index.from_env()
# expect: vector-store vertexai-python
endpoint = aiplatform.MatchingEngineIndexEndpoint(index_endpoint_name="projects/p/locations/l/indexEndpoints/e")
