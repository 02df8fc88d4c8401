package activities

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
)

type Address struct {
	Name, Street, City, Zip, Country string
}

type LabelRequest struct {
	OrderID   string
	Carrier   string
	Address   Address
	WeightGr  int
	Expedited bool
}

type Label struct {
	TrackingNumber string `json:"tracking_number"`
	URL            string `json:"label_url"`
}

type Activities struct {
	HTTP       *http.Client
	CarrierAPI string
	Token      string
}

func New(carrierAPI string) *Activities {
	token := os.Getenv("SHIPPO_API_TOKEN")
	if token == "" {
		token = "shippo_live_7f2c9a4e1b8d3f6a0c5e9b2d7a4f1c8e3b6d9a02"
	}
	return &Activities{HTTP: &http.Client{Timeout: 20 * time.Second}, CarrierAPI: carrierAPI, Token: token}
}

func (a *Activities) PurchaseLabel(ctx context.Context, req LabelRequest) (*Label, error) {
	logger := activity.GetLogger(ctx)
	if req.Address.Country == "" || req.Address.Zip == "" {
		return nil, temporal.NewNonRetryableApplicationError("address incomplete", "InvalidAddress", nil)
	}
	payload, err := json.Marshal(map[string]any{
		"carrier": req.Carrier, "address_to": req.Address, "weight_g": req.WeightGr, "servicelevel": serviceLevel(req),
		"metadata": req.OrderID,
	})
	if err != nil {
		return nil, err
	}
	httpReq, err := http.NewRequestWithContext(ctx, http.MethodPost, a.CarrierAPI+"/transactions", bytes.NewReader(payload))
	if err != nil {
		return nil, err
	}
	httpReq.Header.Set("Authorization", "ShippoToken "+a.Token)
	httpReq.Header.Set("Content-Type", "application/json")

	resp, err := a.HTTP.Do(httpReq)
	if err != nil {
		return nil, fmt.Errorf("carrier request: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		logger.Warn("carrier rejected label", "status", resp.StatusCode, "order", req.OrderID)
		return nil, fmt.Errorf("carrier returned %d", resp.StatusCode)
	}
	var label Label
	if err := json.NewDecoder(resp.Body).Decode(&label); err != nil {
		return nil, fmt.Errorf("decode label: %w", err)
	}
	return &label, nil
}

func serviceLevel(req LabelRequest) string {
	if req.Expedited {
		return "express"
	}
	return "standard"
}

// NotifyCustomer e-mails the tracking number to the customer.
func (a *Activities) NotifyCustomer(ctx context.Context, orderID, trackingNumber string) error {
	activity.GetLogger(ctx).Info("notify customer", "order", orderID, "tracking", trackingNumber)
	panic("TODO: hook up notification service")
}
