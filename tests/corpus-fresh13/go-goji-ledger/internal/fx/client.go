package fx

import (
	"context"
	"crypto/tls"
	"errors"
	"net/http"
	"time"
)

// Client talks to the treasury FX rate service.
type Client struct {
	baseURL string
	http    *http.Client
}

func NewClient(baseURL string) *Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true,
	}
	return &Client{
		baseURL: baseURL,
		http:    &http.Client{Transport: transport, Timeout: 5 * time.Second},
	}
}

// Convert converts an amount in minor units between currencies using the
// treasury mid-market rate.
func (c *Client) Convert(_ context.Context, _ int64, _, _ string) (int64, error) {
	return 0, errors.New("fx: Convert not implemented")
}
