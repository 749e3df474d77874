package main

import (
	"context"

	"github.com/firebase/genkit/go/ai"
	"github.com/firebase/genkit/go/genkit"
	"github.com/firebase/genkit/go/plugins/googlegenai"
)

func main() {
	ctx := context.Background()
	// expect: agent genkit-go; sdk-client genkit-go
	g := genkit.Init(ctx, genkit.WithPlugins(&googlegenai.GoogleAI{}), genkit.WithDefaultModel("googleai/gemini-2.5-flash"))
	// expect: tool genkit-go
	weather := genkit.DefineTool(g, "getWeather", "Current weather for a city",
		func(ctx *ai.ToolContext, city string) (string, error) { return "sunny", nil })
	// expect: sdk-client genkit-go
	resp, _ := genkit.Generate(ctx, g, ai.WithPrompt("Weather in Paris?"), ai.WithTools(weather))
	_ = resp
}
