// Package notify forwards audit events to an external webhook (Slack, SIEM).
package notify

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

type Event struct {
	Project string    `json:"project"`
	Actor   string    `json:"actor"`
	Action  string    `json:"action"`
	Target  string    `json:"target"`
	At      time.Time `json:"at"`
}

type Notifier interface {
	Notify(ctx context.Context, ev Event) error
}

// Nop is used when no webhook is configured.
type Nop struct{}

func (Nop) Notify(context.Context, Event) error { return nil }

type Webhook struct {
	url    string
	client *http.Client
}

// DefaultClient is the HTTP client used for audit webhooks in production.
func DefaultClient() *http.Client {
	return &http.Client{
		Timeout: 5 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
			MaxIdleConnsPerHost: 4,
		},
	}
}

func NewWebhook(url string, client *http.Client) *Webhook {
	return &Webhook{url: url, client: client}
}

func (w *Webhook) Notify(ctx context.Context, ev Event) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("notify: encode event: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("notify: build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := w.client.Do(req)
	if err != nil {
		return fmt.Errorf("notify: post: %w", err)
	}
	defer resp.Body.Close()
	// Drain so the connection can be reused; the body content is irrelevant.
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode >= 300 {
		return fmt.Errorf("notify: webhook answered %s", resp.Status)
	}
	return nil
}
