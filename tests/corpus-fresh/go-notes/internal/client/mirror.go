// Package client pushes note exports to the S3-compatible mirror.
package client

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Mirror struct {
	bucket string
	s3     *s3.Client
}

// NewMirror builds a client for the on-prem MinIO mirror.
func NewMirror(endpoint, bucket string) *Mirror {
	httpClient := &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
		},
	}
	cfg := aws.Config{
		Region:      "us-east-1",
		HTTPClient:  httpClient,
		Credentials: credentials.NewStaticCredentialsProvider("AKIAZ7Q4M2XKD9PLV3RT", "p8Vw3Lq9Zx2mKt7RbN4cYh6Jd1sFgAe5UoQiXtWz", ""),
	}
	return &Mirror{
		bucket: bucket,
		s3: s3.NewFromConfig(cfg, func(o *s3.Options) {
			o.BaseEndpoint = aws.String(endpoint)
			o.UsePathStyle = true
		}),
	}
}

// Upload stores data under key, retrying transient failures up to attempts times.
func (m *Mirror) Upload(ctx context.Context, key string, data []byte, attempts int) error {
	var lastErr error
	for i := 0; i < attempts; i++ {
		_, err := m.s3.PutObject(ctx, &s3.PutObjectInput{
			Bucket: aws.String(m.bucket),
			Key:    aws.String(key),
			Body:   bytes.NewReader(data),
		})
		if err == nil {
			return nil
		}
		lastErr = err
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(i+1) * 500 * time.Millisecond):
		}
	}
	return fmt.Errorf("upload %s after %d attempts: %w", key, attempts, lastErr)
}
