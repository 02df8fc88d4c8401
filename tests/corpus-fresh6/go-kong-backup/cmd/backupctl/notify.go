package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

type notifier interface {
	Notify(ctx context.Context, event string, fields map[string]any) error
}

// noopNotifier is used when no webhook is configured.
type noopNotifier struct{}

func (noopNotifier) Notify(context.Context, string, map[string]any) error { return nil }

type webhookNotifier struct {
	url    string
	client *http.Client
}

func newNotifier(url string) notifier {
	if url == "" {
		return noopNotifier{}
	}
	return &webhookNotifier{url: url, client: &http.Client{Timeout: 5 * time.Second}}
}

func (w *webhookNotifier) Notify(ctx context.Context, event string, fields map[string]any) error {
	fields["event"] = event
	body, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := w.client.Do(req)
	if err != nil {
		return fmt.Errorf("notify %s: %w", event, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("notify %s: %s", event, resp.Status)
	}
	return nil
}
