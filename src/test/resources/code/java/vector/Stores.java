package com.acme.search;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.pinecone.clients.Pinecone;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.weaviate.client.Config;
import io.weaviate.client.WeaviateClient;

class Stores {
  void connect() {
    // expect: vector-store qdrant-java
    QdrantClient qdrant = new QdrantClient(QdrantGrpcClient.newBuilder("qdrant.internal", 6334, false).build());
    // expect: vector-store pinecone-java
    Pinecone pinecone = new Pinecone.Builder(System.getenv("SEARCH_KEY")).build();
    // expect: vector-store milvus-java; ai-endpoint milvus
    MilvusClientV2 milvus = new MilvusClientV2(ConnectConfig.builder().uri("http://milvus.internal:19530").build());
    // expect: vector-store weaviate-java
    WeaviateClient weaviate = new WeaviateClient(new Config("http", "weaviate.internal:8080"));
  }
}
