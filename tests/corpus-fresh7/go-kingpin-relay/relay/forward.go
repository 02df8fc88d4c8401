package relay

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"time"
)

type ForwarderOptions struct {
	URL                string
	Timeout            time.Duration
	InsecureSkipVerify bool
}

type Forwarder struct {
	url    string
	client *http.Client
	probe  *http.Client
}

func NewForwarder(opts ForwarderOptions, maxRetries int) *Forwarder {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: opts.InsecureSkipVerify, MinVersion: tls.VersionTLS12}
	return &Forwarder{
		url:    opts.URL,
		client: &http.Client{Transport: tr, Timeout: opts.Timeout},
		probe: &http.Client{
			Timeout: 2 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
			},
		},
	}
}

func (f *Forwarder) Deliver(ctx context.Context, fr Frame) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.url+"/"+fr.Topic, bytes.NewReader(fr.Payload))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := f.client.Do(req)
	if err != nil {
		return fmt.Errorf("deliver %s: %w", fr.Topic, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("deliver %s: upstream status %d", fr.Topic, resp.StatusCode)
	}
	return nil
}

// Healthy reports whether the upstream answers its health endpoint.
func (f *Forwarder) Healthy(ctx context.Context) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.url+"/healthz", nil)
	if err != nil {
		return false
	}
	resp, err := f.probe.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
