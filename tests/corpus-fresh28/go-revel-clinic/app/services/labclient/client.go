// Package labclient talks to the Meridian Labs results API.
package labclient

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

const resultsDir = "C:\\clinic\\lab-results"

type Client struct {
	BaseURL string
	APIKey  string
	HTTP    *http.Client
	Dir     string
}

func New(baseURL, apiKey string) *Client {
	transport := &http.Transport{
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     90 * time.Second,
	}
	return &Client{
		BaseURL: baseURL,
		APIKey:  apiKey,
		HTTP:    &http.Client{Transport: transport, Timeout: 30 * time.Second},
		Dir:     resultsDir,
	}
}

// DownloadResult fetches the PDF for a result and stores it under c.Dir,
// returning the stored path.
func (c *Client) DownloadResult(ctx context.Context, resultID string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/results/%s/pdf", c.BaseURL, resultID), nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+c.APIKey)
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return "", fmt.Errorf("lab api: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("lab api: result %s: status %d", resultID, resp.StatusCode)
	}

	if err := os.MkdirAll(c.Dir, 0o750); err != nil {
		return "", err
	}
	path := filepath.Join(c.Dir, filepath.Base(resultID)+".pdf")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o640)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		os.Remove(path)
		return "", fmt.Errorf("store result %s: %w", resultID, err)
	}
	return path, f.Close()
}
