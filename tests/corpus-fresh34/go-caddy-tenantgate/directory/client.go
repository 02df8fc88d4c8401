// Package directory is a small client for the tenant directory service.
package directory

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ErrUnknownKey is returned when the directory does not know an API key.
var ErrUnknownKey = errors.New("unknown api key")

// Tenant statuses reported by the directory.
const (
	StatusActive    = "active"
	StatusSuspended = "suspended"
)

// Tenant is the directory's view of an API customer.
type Tenant struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Status       string `json:"status"`
	MonthlyQuota int64  `json:"monthly_quota"`
}

// TenantSource resolves API keys to tenants.
type TenantSource interface {
	Lookup(ctx context.Context, apiKey string) (Tenant, error)
	Revoke(ctx context.Context, apiKey, reason string) error
}

// Client talks to the directory over HTTPS.
type Client struct {
	base   string
	key    string
	client *http.Client
}

var _ TenantSource = (*Client)(nil)

// New returns a client. insecureSkipVerify mirrors the documented
// tls_insecure_skip_verify option and is meant for staging directories only.
func New(base, key string, insecureSkipVerify bool) *Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: insecureSkipVerify,
	}
	return &Client{
		base:   strings.TrimRight(base, "/"),
		key:    key,
		client: &http.Client{Transport: transport, Timeout: 5 * time.Second},
	}
}

// Lookup resolves an API key.
func (c *Client) Lookup(ctx context.Context, apiKey string) (Tenant, error) {
	req, err := http.NewRequest(http.MethodPost, c.base+"/v1/keys/resolve", strings.NewReader(url.Values{"key": {apiKey}}.Encode()))
	if err != nil {
		return Tenant{}, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", "Bearer "+c.key)
	resp, err := c.client.Do(req)
	if err != nil {
		return Tenant{}, fmt.Errorf("directory lookup: %w", err)
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotFound:
		// Drain so the connection can be reused; the body carries nothing we need.
		_, _ = io.Copy(io.Discard, resp.Body)
		return Tenant{}, ErrUnknownKey
	default:
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return Tenant{}, fmt.Errorf("directory lookup: %s: %s", resp.Status, body)
	}
	var t Tenant
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil {
		return Tenant{}, fmt.Errorf("decoding tenant: %w", err)
	}
	return t, nil
}

// Revoke disables an API key in the directory.
func (c *Client) Revoke(ctx context.Context, apiKey, reason string) error {
	body, _ := json.Marshal(map[string]string{"key": apiKey, "reason": reason})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/keys/revoke", strings.NewReader(string(body)))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+c.key)
	resp, err := c.client.Do(req)
	if err != nil {
		return fmt.Errorf("directory revoke: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		return fmt.Errorf("directory revoke: %s", resp.Status)
	}
	return nil
}
