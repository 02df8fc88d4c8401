// Package modapi talks to the external content-moderation service.
package modapi

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

type Verdict struct {
	Flagged    bool     `json:"flagged"`
	Categories []string `json:"categories"`
	Score      float64  `json:"score"`
}

type Classifier interface {
	Classify(ctx context.Context, text string) (Verdict, error)
	Report(ctx context.Context, userID, evidence string) error
}

type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

func New(baseURL, apiKey string) *Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return &Client{
		baseURL: baseURL,
		apiKey:  apiKey,
		http:    &http.Client{Timeout: 8 * time.Second, Transport: transport},
	}
}

// NewWithHTTPClient is used by tests to talk to an httptest server.
func NewWithHTTPClient(baseURL, apiKey string, hc *http.Client) *Client {
	return &Client{baseURL: baseURL, apiKey: apiKey, http: hc}
}

func (c *Client) post(ctx context.Context, path string, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("modapi %s: %w", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("modapi %s: %s: %s", path, resp.Status, msg)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) Classify(ctx context.Context, text string) (Verdict, error) {
	var v Verdict
	err := c.post(ctx, "/classify", map[string]string{"text": text}, &v)
	return v, err
}

func (c *Client) Report(ctx context.Context, userID, evidence string) error {
	return c.post(ctx, "/reports", map[string]string{"subject": userID, "evidence": evidence}, nil)
}

// Noop is used when MODAPI_KEY is unset: nothing is classified as flagged and reports
// stay in the local mod log only. It is selected explicitly in main and logged at startup.
type Noop struct{}

func (Noop) Classify(context.Context, string) (Verdict, error) { return Verdict{}, nil }

func (Noop) Report(context.Context, string, string) error { return nil }
