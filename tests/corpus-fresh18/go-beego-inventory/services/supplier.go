package services

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/beego/beego/v2/server/web"
)

// APIKeyHeader is the header suppliers expect our account key in.
const APIKeyHeader = "X-Api-Key"

type Price struct {
	SKU         string `json:"sku"`
	AmountCents int64  `json:"amount_cents"`
	Currency    string `json:"currency"`
}

type SupplierClient struct {
	baseURL   string
	accountID string
	apiKey    string
	http      *http.Client
}

func NewSupplierClient(baseURL, accountID string) *SupplierClient {
	return &SupplierClient{
		baseURL:   baseURL,
		accountID: accountID,
		apiKey:    web.AppConfig.DefaultString("supplier_api_key", ""),
		http: &http.Client{
			Timeout: 20 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
				MaxIdleConnsPerHost: 4,
				IdleConnTimeout:     60 * time.Second,
			},
		},
	}
}

// FetchPrice returns the supplier's current cost price for sku in the
// requested currency.
func (s *SupplierClient) FetchPrice(ctx context.Context, sku, currency string) (*Price, error) {
	u := fmt.Sprintf("%s/v2/accounts/%s/prices/%s", s.baseURL, url.PathEscape(s.accountID), url.PathEscape(sku))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set(APIKeyHeader, s.apiKey)
	req.Header.Set("Accept", "application/json")

	resp, err := s.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("supplier request: %w", err)
	}
	defer resp.Body.Close()

	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("supplier returned %s", resp.Status)
	}
	var p Price
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return nil, fmt.Errorf("decode price: %w", err)
	}
	return &p, nil
}
