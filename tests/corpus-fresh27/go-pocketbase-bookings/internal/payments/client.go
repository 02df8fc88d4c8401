package payments

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

const SignatureHeader = "X-Tally-Signature"

type Charge struct {
	ID          string `json:"id"`
	Status      string `json:"status"`
	AmountCents int64  `json:"amount"`
	CheckoutURL string `json:"checkout_url"`
}

type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

func New(baseURL, apiKey string) (*Client, error) {
	if apiKey == "" {
		return nil, fmt.Errorf("payments: api key is empty")
	}
	return &Client{
		baseURL: baseURL,
		apiKey:  apiKey,
		http:    &http.Client{Timeout: 15 * time.Second},
	}, nil
}

// NewWithHTTPClient is used by tests and by callers that need a custom transport.
func NewWithHTTPClient(baseURL, apiKey string, hc *http.Client) *Client {
	return &Client{baseURL: baseURL, apiKey: apiKey, http: hc}
}

func (c *Client) do(ctx context.Context, method, path string, body any, out any) error {
	var buf bytes.Buffer
	if body != nil {
		if err := json.NewEncoder(&buf).Encode(body); err != nil {
			return err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+path, &buf)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("payments: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("payments: %s %s returned %d", method, path, resp.StatusCode)
	}
	if out != nil {
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return nil
}

func (c *Client) CreateCharge(ctx context.Context, bookingID string, amountCents int64, currency string) (*Charge, error) {
	var ch Charge
	err := c.do(ctx, http.MethodPost, "/charges", map[string]any{
		"amount":   amountCents,
		"currency": currency,
		"metadata": map[string]string{"booking_id": bookingID},
	}, &ch)
	return &ch, err
}

func (c *Client) Refund(ctx context.Context, chargeID string, amountCents int64) error {
	return c.do(ctx, http.MethodPost, "/charges/"+chargeID+"/refunds", map[string]any{}, nil)
}
