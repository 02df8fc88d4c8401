package client

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// shared token for the build agents when DEPLOYCTL_TOKEN isn't exported
const defaultToken = "ghp_R7kX2mQ9vL4tN8wZ3cB6yH1pJ5sD0fG7aE2u"

type Client struct {
	base  string
	token string
	http  *http.Client
}

func New(baseURL, token string, insecure bool) *Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	if insecure {
		fmt.Fprintln(os.Stderr, "WARNING: --insecure set, TLS certificate verification is disabled")
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} // #nosec G402 -- explicit opt-in flag
	}
	if token == "" {
		token = defaultToken
	}
	return &Client{base: baseURL, token: token, http: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

type DeployRequest struct {
	Env   string `json:"env"`
	Image string `json:"image"`
}

type Deployment struct {
	ID     string `json:"id"`
	Env    string `json:"env"`
	Image  string `json:"image"`
	Status string `json:"status"`
}

func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		buf, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 2048))
		return fmt.Errorf("%s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(msg))
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) Deploy(ctx context.Context, r DeployRequest) (*Deployment, error) {
	var d Deployment
	if err := c.do(ctx, http.MethodPost, "/v1/deployments", r, &d); err != nil {
		return nil, err
	}
	return &d, nil
}

func (c *Client) Status(ctx context.Context, env string) ([]Deployment, error) {
	var ds []Deployment
	err := c.do(ctx, http.MethodGet, "/v1/deployments?env="+env, nil, &ds)
	return ds, err
}

func (c *Client) Ping(ctx context.Context) error {
	return c.do(ctx, http.MethodGet, "/v1/ping", nil, nil)
}
