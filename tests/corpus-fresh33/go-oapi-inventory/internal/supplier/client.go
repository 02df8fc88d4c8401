// Package supplier places purchase orders with PartSource.
package supplier

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

const catalogCache = "/tmp/inventory/supplier-catalog.json"

type Order struct {
	OrderID string    `json:"order_id"`
	Sku     string    `json:"sku"`
	Qty     int       `json:"quantity"`
	ETA     time.Time `json:"eta"`
}

type Client struct {
	base string
	key  string
	http *http.Client
}

func New(base, key string, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{Timeout: 10 * time.Second}
	}
	return &Client{base: base, key: key, http: hc}
}

// Reorder asks the supplier to deliver qty units of sku no later than deliverBy.
func (c *Client) Reorder(ctx context.Context, sku string, qty int, deliverBy time.Time) (Order, error) {
	body, _ := json.Marshal(map[string]any{"sku": sku, "quantity": qty})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/orders", bytes.NewReader(body))
	if err != nil {
		return Order{}, err
	}
	req.Header.Set("Authorization", "Bearer "+c.key)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return Order{}, fmt.Errorf("supplier: place order: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return Order{}, fmt.Errorf("supplier: place order: unexpected status %s", resp.Status)
	}
	var o Order
	if err := json.NewDecoder(resp.Body).Decode(&o); err != nil {
		return Order{}, fmt.Errorf("supplier: decode order: %w", err)
	}
	return o, nil
}

// RefreshCatalog downloads the supplier catalog and keeps the last good copy for offline starts.
func (c *Client) RefreshCatalog(ctx context.Context) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/catalog", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.key)
	resp, err := c.http.Do(req)
	if err != nil {
		return os.ReadFile(catalogCache)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		return os.ReadFile(catalogCache)
	}
	if err := os.MkdirAll(filepath.Dir(catalogCache), 0o755); err != nil {
		return nil, err
	}
	return data, os.WriteFile(catalogCache, data, 0o644)
}
