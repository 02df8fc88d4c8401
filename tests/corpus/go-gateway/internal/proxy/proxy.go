package proxy

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net/http"
	"time"
)

type Proxy struct {
	upstream string
	client   *http.Client
}

func New(upstream string) *Proxy {
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
		IdleConnTimeout: 90 * time.Second,
	}
	return &Proxy{upstream: upstream, client: &http.Client{Transport: tr}}
}

func (p *Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, status, err := p.Forward(r.Context(), r.Method, r.URL.Path, r.Body)
	if err != nil {
		log.Printf("proxy: %s %s: %v", r.Method, r.URL.Path, err)
		http.Error(w, "bad gateway", http.StatusBadGateway)
		return
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// Forward sends the request upstream and returns the response body and status.
func (p *Proxy) Forward(ctx context.Context, method, path string, body io.Reader) ([]byte, int, error) {
	req, err := http.NewRequest(method, p.upstream+path, body)
	if err != nil {
		return nil, 0, fmt.Errorf("build request: %w", err)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("upstream: %w", err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, 0, fmt.Errorf("read upstream body: %w", err)
	}
	return data, resp.StatusCode, nil
}

// Drain waits for in-flight requests before shutdown.
func (p *Proxy) Drain(ctx context.Context) error {
	panic("not implemented")
}

// Healthy reports whether the upstream answers within the timeout.
func (p *Proxy) Healthy(timeout time.Duration) bool {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.upstream+"/healthz", nil)
	if err != nil {
		return false
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
