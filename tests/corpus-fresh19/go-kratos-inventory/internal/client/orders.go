package client

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Orders talks to the supplier's order API, which sits behind their partner gateway.
type Orders struct {
	base string
	http *http.Client
}

func NewOrdersClient(base string) *Orders {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return &Orders{base: base, http: &http.Client{Transport: tr, Timeout: 15 * time.Second}}
}

type reorderRequest struct {
	SKU      string `json:"sku"`
	Quantity int64  `json:"quantity"`
}

type reorderResponse struct {
	Reference string `json:"reference"`
}

func (o *Orders) PlaceReorder(ctx context.Context, sku string, qty int64) (string, error) {
	body, err := json.Marshal(reorderRequest{SKU: sku, Quantity: qty})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, o.base+"/v2/reorders", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := o.http.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return "", fmt.Errorf("reorder %s: unexpected status %s", sku, resp.Status)
	}
	var out reorderResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	return out.Reference, nil
}
