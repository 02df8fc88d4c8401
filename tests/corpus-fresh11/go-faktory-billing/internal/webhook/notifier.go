// Package webhook delivers invoice events to customer-configured endpoints.
package webhook

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type Options struct {
	// Insecure disables certificate verification; only set from the
	// --insecure-webhooks flag for staging environments.
	Insecure bool
	Timeout  time.Duration
}

type Notifier struct {
	client *http.Client
}

func NewNotifier(o Options) *Notifier {
	if o.Timeout == 0 {
		o.Timeout = 10 * time.Second
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: o.Insecure}
	return &Notifier{client: &http.Client{Timeout: o.Timeout, Transport: tr}}
}

func (n *Notifier) Post(ctx context.Context, url string, payload any) error {
	body, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("encode webhook payload: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := n.client.Do(req)
	if err != nil {
		return fmt.Errorf("deliver webhook: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return fmt.Errorf("webhook %s returned %d", url, resp.StatusCode)
	}
	return nil
}
