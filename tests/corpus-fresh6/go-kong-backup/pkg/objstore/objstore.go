// Package objstore wraps the S3-compatible bucket that holds archives.
package objstore

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

type Options struct {
	Endpoint  string
	Bucket    string
	AccessKey string
	SecretKey string
	// Insecure disables certificate verification; wired to --insecure.
	Insecure bool
}

type Store struct {
	c      *minio.Client
	bucket string
}

func New(o Options) (*Store, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: o.Insecure} //nolint:gosec // opt-in via --insecure
	c, err := minio.New(o.Endpoint, &minio.Options{
		Creds:     credentials.NewStaticV4(o.AccessKey, o.SecretKey, ""),
		Secure:    true,
		Transport: tr,
	})
	if err != nil {
		return nil, fmt.Errorf("minio client: %w", err)
	}
	return &Store{c: c, bucket: o.Bucket}, nil
}

func (s *Store) Put(ctx context.Context, key string, r io.Reader, size int64) error {
	_, err := s.c.PutObject(ctx, s.bucket, key, r, size, minio.PutObjectOptions{ContentType: "application/gzip"})
	return err
}

type Object struct {
	Key      string
	Modified time.Time
}

func (s *Store) List(ctx context.Context, prefix string) ([]Object, error) {
	var out []Object
	for info := range s.c.ListObjects(ctx, s.bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
		if info.Err != nil {
			return nil, info.Err
		}
		out = append(out, Object{Key: info.Key, Modified: info.LastModified})
	}
	return out, nil
}

func (s *Store) Delete(ctx context.Context, key string) error {
	return s.c.RemoveObject(ctx, s.bucket, key, minio.RemoveObjectOptions{})
}

func (s *Store) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	return s.c.GetObject(ctx, s.bucket, key, minio.GetObjectOptions{})
}
