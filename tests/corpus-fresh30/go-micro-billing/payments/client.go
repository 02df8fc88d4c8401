package payments

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

type ChargeParams struct {
	CustomerRef    string `json:"customer"`
	Amount         int64  `json:"amount"`
	Currency       string `json:"currency"`
	Description    string `json:"description,omitempty"`
	IdempotencyKey string `json:"-"`
}

type Charge struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

type APIError struct {
	Status int
	Code   string `json:"code"`
	Detail string `json:"message"`
}

func (e *APIError) Error() string {
	return fmt.Sprintf("payflow: %d %s: %s", e.Status, e.Code, e.Detail)
}

type Client struct {
	base   string
	apiKey string
	http   *http.Client
}

func NewClient(base, apiKey string, timeout time.Duration) *Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return &Client{
		base:   base,
		apiKey: apiKey,
		http:   &http.Client{Timeout: timeout, Transport: transport},
	}
}

func (c *Client) Charge(ctx context.Context, p ChargeParams) (*Charge, error) {
	body, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/charges", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	if p.IdempotencyKey != "" {
		req.Header.Set("Idempotency-Key", p.IdempotencyKey)
	}

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("payflow charge: %w", err)
	}
	defer resp.Body.Close()

	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("payflow charge: read body: %w", err)
	}
	if resp.StatusCode >= 300 {
		apiErr := &APIError{Status: resp.StatusCode}
		_ = json.Unmarshal(raw, apiErr) // best effort: the status code alone is enough to fail
		return nil, apiErr
	}
	var ch Charge
	if err := json.Unmarshal(raw, &ch); err != nil {
		return nil, fmt.Errorf("payflow charge: decode: %w", err)
	}
	return &ch, nil
}
