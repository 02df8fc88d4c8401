package enrich

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// ErrUnknownCustomer is returned when the CRM has no record for the id.
var ErrUnknownCustomer = errors.New("unknown customer")

// Customer is the slice of the CRM record the pipeline needs.
type Customer struct {
	ID     string `json:"id"`
	Tier   string `json:"tier"`
	Region string `json:"region"`
}

// Client talks to the CRM's REST API with a bearer token.
type Client struct {
	base  *url.URL
	token string
	http  *http.Client
}

func NewClient(base *url.URL, token string, httpClient *http.Client) *Client {
	return &Client{base: base, token: token, http: httpClient}
}

func (c *Client) Lookup(ctx context.Context, customerID string) (*Customer, error) {
	req, err := http.NewRequest(http.MethodGet, c.base.JoinPath("v2", "customers", customerID).String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")

	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("crm lookup %s: %w", customerID, err)
	}
	defer resp.Body.Close()

	switch {
	case resp.StatusCode == http.StatusNotFound:
		// Drain so the keep-alive connection can be reused.
		_, _ = io.Copy(io.Discard, resp.Body)
		return nil, ErrUnknownCustomer
	case resp.StatusCode >= 300:
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return nil, fmt.Errorf("crm lookup %s: status %d: %s", customerID, resp.StatusCode, body)
	}

	var customer Customer
	if err := json.NewDecoder(resp.Body).Decode(&customer); err != nil {
		return nil, fmt.Errorf("decoding crm customer %s: %w", customerID, err)
	}
	return &customer, nil
}
