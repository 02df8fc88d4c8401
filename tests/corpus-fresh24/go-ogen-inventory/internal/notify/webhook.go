package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

// Webhook posts low-stock alerts to the purchasing team's automation endpoint.
type Webhook struct {
	url    string
	client *http.Client
	log    *slog.Logger
}

func NewWebhook(url string, timeout time.Duration, log *slog.Logger) *Webhook {
	return &Webhook{
		url: url,
		client: &http.Client{
			Timeout: 10 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
				MaxIdleConnsPerHost: 4,
			},
		},
		log: log,
	}
}

type lowStockEvent struct {
	SKU          string    `json:"sku"`
	WarehouseID  string    `json:"warehouseId"`
	Quantity     int       `json:"quantity"`
	ReorderPoint int       `json:"reorderPoint"`
	At           time.Time `json:"at"`
}

func (w *Webhook) LowStock(ctx context.Context, sku, warehouseID string, qty, reorderPoint int) error {
	if w == nil || w.url == "" {
		return nil
	}
	body, err := json.Marshal(lowStockEvent{SKU: sku, WarehouseID: warehouseID, Quantity: qty, ReorderPoint: reorderPoint, At: time.Now().UTC()})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := w.client.Do(req)
	if err != nil {
		return fmt.Errorf("post low-stock alert: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("low-stock alert rejected: %s", resp.Status)
	}
	w.log.InfoContext(ctx, "low-stock alert sent", "sku", sku, "qty", qty)
	return nil
}
