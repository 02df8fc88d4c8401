// Package provider is a client for PrintCo, the print fulfilment partner.
package provider

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

type Client struct {
	BaseURL string
	APIKey  string
	HTTP    *http.Client
}

func New(baseURL, apiKey string) *Client {
	return &Client{
		BaseURL: baseURL,
		APIKey:  apiKey,
		HTTP: &http.Client{
			Timeout: 15 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
				MaxIdleConnsPerHost: 8,
			},
		},
	}
}

type Quote struct {
	SKU        string `json:"sku"`
	Quantity   int    `json:"quantity"`
	PriceCents int64  `json:"price_cents"`
	ShipsIn    int    `json:"ships_in_days"`
}

type Job struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

type JobRequest struct {
	Reference  string `json:"reference"`
	SKU        string `json:"sku"`
	Quantity   int    `json:"quantity"`
	Rush       bool   `json:"rush"`
	ArtworkURL string `json:"artwork_url"`
	ShipTo     string `json:"ship_to"`
}

func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		buf, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.APIKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("printco %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("printco %s %s: %d %s", method, path, resp.StatusCode, bytes.TrimSpace(msg))
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// Quote prices an order; rush orders ship in two days at a surcharge.
func (c *Client) Quote(ctx context.Context, sku string, quantity int, rush bool) (*Quote, error) {
	var q Quote
	path := fmt.Sprintf("/quotes?sku=%s&quantity=%d", sku, quantity)
	if err := c.do(ctx, http.MethodGet, path, nil, &q); err != nil {
		return nil, err
	}
	return &q, nil
}

func (c *Client) SubmitJob(ctx context.Context, jr JobRequest) (*Job, error) {
	var j Job
	if err := c.do(ctx, http.MethodPost, "/jobs", jr, &j); err != nil {
		return nil, err
	}
	return &j, nil
}

func (c *Client) Reprint(ctx context.Context, jobID, reason string) (*Job, error) {
	var j Job
	if err := c.do(ctx, http.MethodPost, "/jobs/"+jobID+"/reprint", map[string]string{"reason": reason}, &j); err != nil {
		return nil, err
	}
	return &j, nil
}
