package uploader

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

const (
	defaultAccessKey = "AKIA4XQ7ZK2RMD8VNPLW"
	defaultSecretKey = "Gm3qY8vT2kLp9RxW4sZb7NcH1fJ6dA0eUoQi5KtE"
)

type Options struct {
	AccessKey          string
	SecretKey          string
	InsecureSkipVerify bool // set only from --insecure-skip-verify for the local dev server
	StateDir           string
}

type Uploader struct {
	server  string
	opts    Options
	http    *http.Client
	receipt *http.Client
}

func New(server string, opts Options) *Uploader {
	if opts.AccessKey == "" {
		opts.AccessKey, opts.SecretKey = defaultAccessKey, defaultSecretKey
	}
	if opts.StateDir == "" {
		opts.StateDir = filepath.Join(os.TempDir(), "backupctl")
	}
	main := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: opts.InsecureSkipVerify}}
	receipts := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	return &Uploader{
		server:  server,
		opts:    opts,
		http:    &http.Client{Transport: main, Timeout: 5 * time.Minute},
		receipt: &http.Client{Transport: receipts, Timeout: 30 * time.Second},
	}
}

func (u *Uploader) do(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, u.server+path, body)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(u.opts.AccessKey, u.opts.SecretKey)
	resp, err := u.http.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		defer resp.Body.Close()
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512)) // best-effort detail for the error message
		return nil, fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(msg))
	}
	return resp, nil
}

func (u *Uploader) BeginSnapshot(ctx context.Context, tag string) (string, error) {
	payload, _ := json.Marshal(map[string]string{"tag": tag})
	resp, err := u.do(ctx, http.MethodPost, "/v1/snapshots", bytes.NewReader(payload))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var out struct{ ID string }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	return out.ID, nil
}

func (u *Uploader) UploadFile(ctx context.Context, snapshot, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	resp, err := u.do(ctx, http.MethodPut, fmt.Sprintf("/v1/snapshots/%s/files?path=%s", snapshot, path), f)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type receipt struct {
	Snapshot  string `json:"snapshot"`
	Files     int    `json:"files"`
	Signature string `json:"signature"`
}

func (u *Uploader) Commit(ctx context.Context, snapshot string) error {
	resp, err := u.do(ctx, http.MethodPost, "/v1/snapshots/"+snapshot+"/commit", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var rc receipt
	if err := json.NewDecoder(resp.Body).Decode(&rc); err != nil {
		return err
	}
	if !u.verifyReceipt(rc) {
		return fmt.Errorf("commit receipt for %s has an invalid signature", snapshot)
	}
	state, _ := json.Marshal(rc)
	_ = os.WriteFile(filepath.Join(u.opts.StateDir, snapshot+".json"), state, 0o600)
	return nil
}

func (u *Uploader) verifyReceipt(rc receipt) bool {
	mac := hmac.New(sha256.New, []byte(u.opts.SecretKey))
	fmt.Fprintf(mac, "%s:%d", rc.Snapshot, rc.Files)
	return hex.EncodeToString(mac.Sum(nil)) == rc.Signature
}

// FetchReceipt downloads a previously issued receipt from the receipt service.
func (u *Uploader) FetchReceipt(ctx context.Context, snapshot string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.server+"/v1/receipts/"+snapshot, nil)
	if err != nil {
		return nil, err
	}
	return u.receipt.Do(req)
}
