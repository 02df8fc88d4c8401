package billing

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

var ErrNotFound = errors.New("not found")

type Customer struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Email     string `json:"email"`
	Plan      string `json:"plan"`
	Status    string `json:"status"`
	BalanceCt int64  `json:"balance_cents"`
}

type Invoice struct {
	ID          string    `json:"id"`
	CustomerID  string    `json:"customer_id"`
	Status      string    `json:"status"`
	AmountCents int64     `json:"amount_cents"`
	IssuedAt    time.Time `json:"issued_at"`
}

type Plan struct {
	Code       string `json:"code"`
	Name       string `json:"name"`
	PriceCents int64  `json:"price_cents"`
}

type Client struct {
	base   *url.URL
	apiKey string
	http   *http.Client
}

func NewClient(baseURL, apiKey string, timeout time.Duration) (*Client, error) {
	base, err := url.Parse(baseURL)
	if err != nil {
		return nil, err
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return &Client{base: base, apiKey: apiKey, http: &http.Client{Transport: transport, Timeout: timeout}}, nil
}

func (c *Client) call(ctx context.Context, method, path string, query url.Values, in, out any) error {
	u := c.base.JoinPath(path)
	u.RawQuery = query.Encode()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return err
	}
	req.Header.Set("X-Api-Key", c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return ErrNotFound
	case resp.StatusCode >= 300:
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("billing %s %s: %d %s", method, path, resp.StatusCode, bytes.TrimSpace(msg))
	case out == nil:
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

func (c *Client) Customer(ctx context.Context, id string) (*Customer, error) {
	var out Customer
	if err := c.call(ctx, http.MethodGet, "/v1/customers/"+url.PathEscape(id), nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func (c *Client) ListInvoices(ctx context.Context, customerID, status string, limit int) ([]Invoice, error) {
	q := url.Values{"customer_id": {customerID}, "limit": {strconv.Itoa(limit)}}
	var out struct {
		Invoices []Invoice `json:"invoices"`
	}
	if err := c.call(ctx, http.MethodGet, "/v1/invoices", q, nil, &out); err != nil {
		return nil, err
	}
	return out.Invoices, nil
}

func (c *Client) Refund(ctx context.Context, invoiceID string, amountCents int64, reason, actor string) (string, error) {
	var out struct {
		RefundID string `json:"refund_id"`
	}
	err := c.call(ctx, http.MethodPost, "/v1/invoices/"+url.PathEscape(invoiceID)+"/refunds", nil,
		map[string]any{"amount_cents": amountCents, "reason": reason, "requested_by": actor}, &out)
	return out.RefundID, err
}

func (c *Client) SetAccountStatus(ctx context.Context, customerID, status, reason string) error {
	return c.call(ctx, http.MethodPost, "/v1/customers/"+url.PathEscape(customerID)+"/status", nil,
		map[string]string{"status": status, "reason": reason}, nil)
}

func (c *Client) ResendInvoice(ctx context.Context, invoiceID, email string) error {
	return c.call(ctx, http.MethodPost, "/v1/invoices/"+url.PathEscape(invoiceID)+"/send", nil,
		map[string]string{"email": email}, nil)
}

func (c *Client) Plans(ctx context.Context) ([]Plan, error) {
	var out struct {
		Plans []Plan `json:"plans"`
	}
	err := c.call(ctx, http.MethodGet, "/v1/plans", nil, nil, &out)
	return out.Plans, err
}
