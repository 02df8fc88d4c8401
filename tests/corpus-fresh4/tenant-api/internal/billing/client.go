package billing

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type Client struct {
	baseURL string
	http    *http.Client
}

func New(baseURL string) *Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}
	return &Client{baseURL: baseURL, http: &http.Client{Transport: transport, Timeout: 10 * time.Second}}
}

type Usage struct {
	TenantID string  `json:"tenant_id"`
	Seats    int     `json:"seats"`
	Amount   float64 `json:"amount"`
}

func (c *Client) Usage(ctx context.Context, tenantID string) (Usage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/v1/usage/%s", c.baseURL, tenantID), nil)
	if err != nil {
		return Usage{}, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return Usage{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Usage{}, fmt.Errorf("billing: unexpected status %d", resp.StatusCode)
	}
	var u Usage
	return u, json.NewDecoder(resp.Body).Decode(&u)
}
