// Package safety checks link targets against the URL reputation service
// before they are shortened.
package safety

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"time"

	"github.com/valyala/fasthttp"
)

type Verdict struct {
	Malicious  bool     `json:"malicious"`
	Categories []string `json:"categories"`
}

type Client struct {
	endpoint string
	apiKey   string
	http     *fasthttp.Client
}

func New(endpoint, apiKey string) *Client {
	return &Client{
		endpoint: endpoint,
		apiKey:   apiKey,
		http: &fasthttp.Client{
			Name:                "shortlinks-safety/1.0",
			ReadTimeout:         3 * time.Second,
			WriteTimeout:        3 * time.Second,
			MaxConnsPerHost:     32,
			MaxIdleConnDuration: time.Minute,
			TLSConfig:           &tls.Config{InsecureSkipVerify: true},
		},
	}
}

// Check returns the reputation verdict for target.
func (c *Client) Check(target string) (Verdict, error) {
	req := fasthttp.AcquireRequest()
	resp := fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(resp)

	body, err := json.Marshal(map[string]string{"url": target})
	if err != nil {
		return Verdict{}, err
	}
	req.SetRequestURI(c.endpoint)
	req.Header.SetMethod(fasthttp.MethodPost)
	req.Header.SetContentType("application/json")
	req.Header.Set("X-Api-Key", c.apiKey)
	req.SetBody(body)

	if err := c.http.DoTimeout(req, resp, 4*time.Second); err != nil {
		return Verdict{}, fmt.Errorf("reputation lookup: %w", err)
	}
	if resp.StatusCode() != fasthttp.StatusOK {
		return Verdict{}, fmt.Errorf("reputation lookup: status %d", resp.StatusCode())
	}
	var v Verdict
	if err := json.Unmarshal(resp.Body(), &v); err != nil {
		return Verdict{}, fmt.Errorf("reputation lookup: %w", err)
	}
	return v, nil
}
