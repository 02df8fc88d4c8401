package tasks

import (
	"context"
	"crypto/tls"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

const (
	defaultBucket      = "acme-media-prod"
	defaultAccessKeyID = "AKIAQ3EGRT7NXKZ4M2PW"
	defaultSecretKey   = "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"
)

// originClient fetches source files from the legacy media origin.
var originClient = &http.Client{
	Timeout: 30 * time.Second,
	Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	},
}

func bucket() string {
	if b := os.Getenv("MEDIA_BUCKET"); b != "" {
		return b
	}
	return defaultBucket
}

func s3Client() *s3.Client {
	key := os.Getenv("AWS_ACCESS_KEY_ID")
	secret := os.Getenv("AWS_SECRET_ACCESS_KEY")
	if key == "" {
		key, secret = defaultAccessKeyID, defaultSecretKey
	}
	return s3.New(s3.Options{
		Region:      "eu-central-1",
		Credentials: aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(key, secret, "")),
	})
}

func putObject(ctx context.Context, key, contentType string, body *os.File) error {
	_, err := s3Client().PutObject(ctx, &s3.PutObjectInput{
		Bucket:      aws.String(bucket()),
		Key:         aws.String(key),
		Body:        body,
		ContentType: aws.String(contentType),
	})
	return err
}
