// Package telematics talks to the vendor gateway that owns the in-cab units.
package telematics

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

type Client struct {
	baseURL string
	token   string
	http    *http.Client
	log     *slog.Logger
}

func New(baseURL, token string, log *slog.Logger) *Client {
	transport := &http.Transport{
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
		MaxIdleConnsPerHost: 4,
		IdleConnTimeout:     90 * time.Second,
	}
	return &Client{
		baseURL: baseURL,
		token:   token,
		http:    &http.Client{Transport: transport, Timeout: 15 * time.Second},
		log:     log,
	}
}

// ResetServiceReminder clears the in-cab "service due" light after a recorded service.
func (c *Client) ResetServiceReminder(ctx context.Context, vehicleID string, odometerKm int) error {
	body, _ := json.Marshal(map[string]any{"vehicle": vehicleID, "odometer_km": odometerKm})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v2/units/service-reset", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", "application/json")

	resp, err := c.http.Do(req)
	if err != nil {
		c.log.Error("telematics reset failed", "vehicle", vehicleID, "err", err)
		return fmt.Errorf("telematics: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("telematics: reset answered %s", resp.Status)
	}
	return nil
}
