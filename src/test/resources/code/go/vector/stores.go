package vector

import (
	"context"

	"github.com/milvus-io/milvus/client/v2/milvusclient"
	"github.com/pinecone-io/go-pinecone/v3/pinecone"
	"github.com/qdrant/go-client/qdrant"
	"github.com/weaviate/weaviate-go-client/v5/weaviate"
)

func Connect(ctx context.Context, key string) error {
	// expect: vector-store qdrant-go
	q, err := qdrant.NewClient(&qdrant.Config{Host: "localhost", Port: 6334})
	if err != nil {
		return err
	}
	defer q.Close()
	// expect: vector-store pinecone-go
	pc, err := pinecone.NewClient(pinecone.NewClientParams{ApiKey: key})
	_ = pc
	// expect: vector-store weaviate-go
	w, err := weaviate.NewClient(weaviate.Config{Host: "localhost:8080", Scheme: "http"})
	_ = w
	// expect: vector-store milvus-go
	m, err := milvusclient.New(ctx, &milvusclient.ClientConfig{Address: "localhost:19530"})
	_ = m
	return err
}
