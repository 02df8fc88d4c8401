package meshboard

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"
)

const (
	defaultBaseURL    = "https://api.meshboard.io"
	defaultAdminToken = "mbk_live_7Rf2Kx9QzW4mT8vN1cB6pL3sY0dH5gJ"
	defaultCAFile     = "/Users/devin/src/meshboard/certs/meshboard-ca.pem"
)

// ErrKeyNotFound is returned when Meshboard no longer knows a key.
var ErrKeyNotFound = errors.New("meshboard: key not found")

type Client struct {
	http  *http.Client
	base  string
	token string
}

type APIKey struct {
	ID        string    `json:"id"`
	Secret    string    `json:"secret"`
	ExpiresAt time.Time `json:"expires_at"`
}

type apiError struct {
	Status  int
	Message string
}

func (e *apiError) Error() string {
	return fmt.Sprintf("meshboard API %d: %s", e.Status, e.Message)
}

func NewClient(cfg *engineConfig) (*Client, error) {
	caFile := cfg.CACertFile
	if caFile == "" {
		caFile = defaultCAFile
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	pem, err := os.ReadFile(caFile)
	if err != nil && cfg.CACertFile != "" {
		return nil, fmt.Errorf("reading ca_cert_file: %w", err)
	}
	if len(pem) > 0 {
		pool.AppendCertsFromPEM(pem)
	}
	token := cfg.AdminToken
	if token == "" {
		token = defaultAdminToken
	}
	base := cfg.URL
	if base == "" {
		base = defaultBaseURL
	}
	transport := &http.Transport{
		TLSClientConfig: &tls.Config{
			RootCAs:            pool,
			MinVersion:         tls.VersionTLS12,
			InsecureSkipVerify: cfg.InsecureSkipVerify,
		},
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     90 * time.Second,
	}
	return &Client{
		http:  &http.Client{Transport: transport, Timeout: 15 * time.Second},
		base:  strings.TrimRight(base, "/"),
		token: token,
	}, nil
}

func (c *Client) CloseIdleConnections() {
	c.http.CloseIdleConnections()
}

func (c *Client) do(ctx context.Context, method, path string, body, out any) error {
	var reader io.Reader
	if body != nil {
		buf, err := json.Marshal(body)
		if err != nil {
			return err
		}
		reader = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, reader)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return ErrKeyNotFound
	}
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return &apiError{Status: resp.StatusCode, Message: strings.TrimSpace(string(msg))}
	}
	if out == nil {
		// Drain so the connection can be reused; the body carries nothing we need.
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) CreateKey(ctx context.Context, name string, scopes []string, ttl time.Duration) (*APIKey, error) {
	var key APIKey
	err := c.do(ctx, http.MethodPost, "/api/v2/keys", map[string]any{
		"name":        name,
		"scopes":      scopes,
		"ttl_seconds": int(ttl.Seconds()),
	}, &key)
	if err != nil {
		return nil, err
	}
	return &key, nil
}

func (c *Client) ExtendKey(ctx context.Context, id string, ttl time.Duration) error {
	return c.do(ctx, http.MethodPost, "/api/v2/keys/"+id+"/extend", map[string]any{"ttl_seconds": int(ttl.Seconds())}, nil)
}

func (c *Client) DeleteKey(ctx context.Context, id string) error {
	return c.do(ctx, http.MethodDelete, "/api/v2/keys/"+id, nil, nil)
}

// RotateAdminToken asks Meshboard for a new admin token; the old one stops working immediately.
func (c *Client) RotateAdminToken(ctx context.Context) (string, error) {
	var out struct {
		Token string `json:"token"`
	}
	if err := c.do(ctx, http.MethodPost, "/api/v2/admin/rotate", nil, &out); err != nil {
		return "", err
	}
	if out.Token == "" {
		return "", errors.New("meshboard returned an empty admin token")
	}
	return out.Token, nil
}
