package billing

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path/filepath"
	"text/template"
	"time"
)

// Invoice is one booking to be invoiced by Ledgerly.
type Invoice struct {
	BookingID   int
	MemberID    int
	AmountCents int64
	Currency    string
}

type Invoicer interface {
	CreateInvoice(ctx context.Context, inv Invoice) error
}

// Noop is used in development when no billing API key is configured.
type Noop struct{}

func (Noop) CreateInvoice(context.Context, Invoice) error { return nil }

type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
	tmpl    *template.Template
	log     *slog.Logger
}

func NewClient(baseURL, apiKey, templateDir string, log *slog.Logger) (*Client, error) {
	tmpl, err := template.ParseGlob(filepath.Join(templateDir, "*.tmpl"))
	if err != nil {
		return nil, fmt.Errorf("parsing invoice templates: %w", err)
	}
	transport := &http.Transport{
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
		MaxIdleConns:        10,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 5 * time.Second,
	}
	return &Client{
		baseURL: baseURL,
		apiKey:  apiKey,
		http:    &http.Client{Timeout: 10 * time.Second, Transport: transport},
		tmpl:    tmpl,
		log:     log,
	}, nil
}

func (c *Client) CreateInvoice(ctx context.Context, inv Invoice) error {
	var description bytes.Buffer
	if err := c.tmpl.ExecuteTemplate(&description, "line_item.tmpl", inv); err != nil {
		return fmt.Errorf("rendering line item: %w", err)
	}
	body, _ := json.Marshal(map[string]any{
		"external_id":  fmt.Sprintf("booking-%d", inv.BookingID),
		"customer_ref": fmt.Sprintf("member-%d", inv.MemberID),
		"amount":       inv.AmountCents,
		"currency":     inv.Currency,
		"description":  description.String(),
	})

	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/invoices", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")

	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("billing: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("billing: status %d: %s", resp.StatusCode, bytes.TrimSpace(msg))
	}
	c.log.Debug("invoice created", "booking_id", inv.BookingID)
	return nil
}
