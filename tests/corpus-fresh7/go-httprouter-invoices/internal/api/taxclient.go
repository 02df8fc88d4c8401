package api

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type TaxClient struct {
	baseURL string
	http    *http.Client
}

func NewTaxClient(baseURL string) *TaxClient {
	transport := &http.Transport{
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
		MaxIdleConnsPerHost: 8,
		IdleConnTimeout:     90 * time.Second,
	}
	return &TaxClient{
		baseURL: baseURL,
		http:    &http.Client{Transport: transport, Timeout: 5 * time.Second},
	}
}

type taxQuote struct {
	TaxCents int64 `json:"tax_cents"`
}

func (c *TaxClient) Quote(ctx context.Context, region string, amountCents int64) (int64, error) {
	url := fmt.Sprintf("%s/v1/quote?region=%s&amount=%d", c.baseURL, region, amountCents)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, fmt.Errorf("tax quote: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("tax quote: unexpected status %d", resp.StatusCode)
	}
	var q taxQuote
	if err := json.NewDecoder(resp.Body).Decode(&q); err != nil {
		return 0, fmt.Errorf("decode tax quote: %w", err)
	}
	return q.TaxCents, nil
}
