// unit: library go-openai (openai-go)
package openai

import (
	"os"

	"github.com/sashabaranov/go-openai"
)

func Example() *openai.Client {
	return openai.NewClient(os.Getenv("OPENAI_API_KEY"))
}
