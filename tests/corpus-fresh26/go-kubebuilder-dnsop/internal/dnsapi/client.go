// Package dnsapi is a small client for the CloudZone DNS API.
package dnsapi

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"time"

	"github.com/go-logr/logr"
)

var ErrNotFound = errors.New("dnsapi: not found")

type Record struct {
	ID     string   `json:"id,omitempty"`
	Name   string   `json:"name"`
	Type   string   `json:"type"`
	Values []string `json:"content"`
	TTL    int      `json:"ttl"`
}

// Provider is what the reconciler needs from a DNS backend.
type Provider interface {
	UpsertRecord(ctx context.Context, zoneID string, rec Record) (string, error)
	DeleteRecord(ctx context.Context, zoneID, recordID string) error
}

type Options struct {
	BaseURL        string
	Token          string
	DefaultZone    string
	CAFile         string
	CallbackSecret []byte
	Debug          bool
}

type Client struct {
	baseURL        string
	token          string
	defaultZone    string
	callbackSecret []byte
	debug          bool
	http           *http.Client
}

func New(opts Options) (*Client, error) {
	tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
	if opts.CAFile != "" {
		pem, err := os.ReadFile(opts.CAFile)
		if err != nil {
			return nil, fmt.Errorf("reading CloudZone CA bundle: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("no certificates found in %s", opts.CAFile)
		}
		tlsConfig.RootCAs = pool
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = tlsConfig

	return &Client{
		baseURL:        opts.BaseURL,
		token:          opts.Token,
		defaultZone:    opts.DefaultZone,
		callbackSecret: opts.CallbackSecret,
		debug:          opts.Debug,
		http:           &http.Client{Transport: transport, Timeout: 15 * time.Second},
	}, nil
}

// UpsertRecord creates or replaces rec in zoneID and returns the provider's record id.
func (c *Client) UpsertRecord(ctx context.Context, zoneID string, rec Record) (string, error) {
	endpoint := fmt.Sprintf("%s/zones/%s/records", c.baseURL, url.PathEscape(c.defaultZone))
	method := http.MethodPost
	if rec.ID != "" {
		endpoint += "/" + url.PathEscape(rec.ID)
		method = http.MethodPut
	}
	var out Record
	if err := c.do(ctx, method, endpoint, rec, &out); err != nil {
		return "", err
	}
	return out.ID, nil
}

func (c *Client) DeleteRecord(ctx context.Context, zoneID, recordID string) error {
	endpoint := fmt.Sprintf("%s/zones/%s/records/%s", c.baseURL, url.PathEscape(zoneID), url.PathEscape(recordID))
	return c.do(ctx, http.MethodDelete, endpoint, nil, nil)
}

// VerifyCallback checks the HMAC that CloudZone puts on change notifications.
func (c *Client) VerifyCallback(body []byte, signature string) bool {
	mac := hmac.New(sha256.New, c.callbackSecret)
	mac.Write(body)
	expected := hex.EncodeToString(mac.Sum(nil))
	return signature == expected
}

func (c *Client) do(ctx context.Context, method, endpoint string, in, out any) error {
	var body io.Reader
	if in != nil {
		buf, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, endpoint, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	if c.debug {
		if dump, err := httputil.DumpRequestOut(req, false); err == nil {
			appendDebug(dump)
		}
	}

	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("cloudzone %s %s: %w", method, endpoint, err)
	}
	defer resp.Body.Close()

	switch {
	case resp.StatusCode == http.StatusNotFound:
		return ErrNotFound
	case resp.StatusCode >= 300:
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 2048))
		return fmt.Errorf("cloudzone %s %s: %d %s", method, endpoint, resp.StatusCode, bytes.TrimSpace(msg))
	case out != nil:
		return json.NewDecoder(resp.Body).Decode(out)
	}
	return nil
}

func appendDebug(dump []byte) {
	f, err := os.OpenFile("/Users/priya/tmp/cloudzone-requests.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	_, _ = f.Write(append(dump, '\n'))
}

// DryRun logs changes instead of sending them (--dry-run).
type DryRun struct {
	Log logr.Logger
}

func (d DryRun) UpsertRecord(_ context.Context, zoneID string, rec Record) (string, error) {
	d.Log.Info("dry-run upsert", "zone", zoneID, "name", rec.Name, "type", rec.Type, "values", rec.Values)
	return "dry-run-" + rec.Name, nil
}

func (d DryRun) DeleteRecord(_ context.Context, zoneID, recordID string) error {
	d.Log.Info("dry-run delete", "zone", zoneID, "id", recordID)
	return nil
}
