import { Turbopuffer } from "@turbopuffer/turbopuffer";
import * as lancedb from "@lancedb/lancedb";
import { SearchClient, AzureKeyCredential } from "@azure/search-documents";
import { Index } from "@upstash/vector";
import { DataAPIClient } from "@datastax/astra-db-ts";
import { ElasticVectorSearch } from "@langchain/community/vectorstores/elasticsearch";
import { ChatTogetherAI } from "@langchain/community/chat_models/togetherai";
import { ChatOpenRouter } from "@langchain/openrouter";

// expect: vector-store turbopuffer-js
const tpuf = new Turbopuffer({ region: "gcp-us-central1" });
// expect: vector-store lancedb-js
const db = await lancedb.connect("db://docs");
// expect: vector-store azure-search-js
const search = new SearchClient(process.env.SEARCH_URL!, "docs", new AzureKeyCredential("k"));
// expect: vector-store upstash-vector-js; env-var upstash-vector
const index = new Index({ url: process.env.UPSTASH_VECTOR_REST_URL });
// expect: vector-store astra-db-js
const astra = new DataAPIClient("token");
// expect: vector-store langchainjs
const es = new ElasticVectorSearch(undefined as never, { client: undefined as never, indexName: "docs" });
// expect: sdk-client langchainjs
const together = new ChatTogetherAI({ model: "meta-llama/Llama-3-70b-chat-hf" });
// expect: sdk-client langchainjs
const router = new ChatOpenRouter({ model: "openai/gpt-4o" });
export { tpuf, db, search, index, astra, es, together, router };
