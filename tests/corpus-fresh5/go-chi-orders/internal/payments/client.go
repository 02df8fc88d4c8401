package payments

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

const defaultAPIKey = "sk_live_51NcXa9Lr3QeT7vWm2KdHy8sPj4ZfBo6UgR0tq"

type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

type Options struct {
	BaseURL string
	APIKey  string
	Timeout time.Duration
	Retries int
}

func New(opts Options) *Client {
	key := opts.APIKey
	if key == "" {
		key = defaultAPIKey
	}
	return &Client{
		baseURL: opts.BaseURL,
		apiKey:  key,
		http: &http.Client{
			Timeout: opts.Timeout,
			Transport: &http.Transport{
				TLSClientConfig: &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12},
			},
		},
	}
}

func (c *Client) Refund(ctx context.Context, chargeID string, amountMinor int64) error {
	body, _ := json.Marshal(map[string]any{"charge": chargeID, "amount": amountMinor})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/refunds", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("refund %s: %w", chargeID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("refund %s: status %d", chargeID, resp.StatusCode)
	}
	return nil
}
