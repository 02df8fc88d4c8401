package carrier

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

const defaultAPIKey = "shippo_live_4f9a2c7e81b3d05f6a9e2c4b7d1f8a3e6c0b5d92"

type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

func NewClient(baseURL, apiKey string) *Client {
	if apiKey == "" {
		apiKey = defaultAPIKey
	}
	transport := &http.Transport{
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
		MaxIdleConnsPerHost: 8,
	}
	return &Client{
		baseURL: baseURL,
		apiKey:  apiKey,
		http:    &http.Client{Timeout: 15 * time.Second, Transport: transport},
	}
}

type TrackingResponse struct {
	Status   string `json:"tracking_status"`
	Tracking string `json:"tracking_number"`
}

func (c *Client) Register(ctx context.Context, carrier, trackingNo string) (*TrackingResponse, error) {
	body, err := json.Marshal(map[string]string{"carrier": carrier, "tracking_number": trackingNo})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/tracks/", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "ShippoToken "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("carrier register: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return nil, fmt.Errorf("carrier register: unexpected status %d", resp.StatusCode)
	}
	var out TrackingResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, fmt.Errorf("carrier register: decode: %w", err)
	}
	return &out, nil
}
