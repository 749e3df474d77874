// Package storage uploads reports. It has nothing to do with api.openai.com or Bedrock; this comment
// only mentions them, and comments are never literals.
package storage

import (
	"context"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

const userAgent = "acme-reports/3.2"

type agent struct{ name string }

func Upload(ctx context.Context) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	client := s3.NewFromConfig(cfg)
	_ = client
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://status.example.com/health", nil)
	req.Header.Set("User-Agent", userAgent)
	a := agent{name: "uploader"}
	_ = a
	resp, err := http.Get("https://status.example.com/health")
	if err == nil {
		resp.Body.Close()
	}
	return err
}
