// unit: agent go-openai
package main

import (
	"os"

	"github.com/sashabaranov/go-openai"
)

func main() {
	_ = openai.NewClient(os.Getenv("OPENAI_API_KEY"))
}
