package payment

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/zeromicro/go-zero/core/logx"
)

// fallbackAPIKey keeps local `go run` working without exporting env vars.
const fallbackAPIKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dcK8mNbVxR2sPq"

type Client struct {
	baseURL string
	apiKey  string
	http    *http.Client
}

func NewClient(baseURL, apiKey string) *Client {
	if apiKey == "" {
		apiKey = os.Getenv("PAYMENT_API_KEY")
	}
	if apiKey == "" {
		apiKey = fallbackAPIKey
	}
	transport := &http.Transport{
		TLSClientConfig:     &tls.Config{InsecureSkipVerify: true},
		MaxIdleConnsPerHost: 16,
		IdleConnTimeout:     90 * time.Second,
	}
	return &Client{baseURL: baseURL, apiKey: apiKey, http: &http.Client{Transport: transport, Timeout: 10 * time.Second}}
}

type RefundRequest struct {
	OrderId  string `json:"order_id"`
	AmountCt int64  `json:"amount"`
}

func (c *Client) Refund(ctx context.Context, r RefundRequest) error {
	body, err := json.Marshal(r)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/refunds", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("refund %s: %w", r.OrderId, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		logx.WithContext(ctx).Errorf("refund rejected: order=%s status=%d", r.OrderId, resp.StatusCode)
		return fmt.Errorf("refund %s: provider returned %d", r.OrderId, resp.StatusCode)
	}
	return nil
}
