module github.com/acme/search-indexer

go 1.22

require (
	github.com/aws/aws-sdk-go-v2/config v1.28.6
	github.com/aws/aws-sdk-go-v2/service/s3 v1.71.0
	github.com/sashabaranov/go-openai v1.36.1
)
