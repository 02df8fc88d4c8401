package bank

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/go-resty/resty/v2"

	"github.com/finchpay/ledger/conf"
)

type Client struct {
	http          *resty.Client
	webhookSecret []byte
}

type payoutRequest struct {
	CreditorIban string `json:"creditor_iban"`
	Amount       string `json:"amount"`
	Reference    string `json:"end_to_end_id"`
}

type PayoutResult struct {
	ID     string `json:"payment_id"`
	Status string `json:"status"`
}

func New(cfg conf.Bank) *Client {
	c := resty.New().
		SetBaseURL(cfg.BaseURL).
		SetTimeout(cfg.Timeout).
		SetBasicAuth(cfg.ClientID, cfg.ClientSecret).
		SetRetryCount(2).
		SetRetryWaitTime(500 * time.Millisecond).
		SetTLSClientConfig(&tls.Config{InsecureSkipVerify: true})
	return &Client{http: c, webhookSecret: []byte(cfg.WebhookSecret)}
}

// Payout sends a SEPA credit transfer for amountMinor (cents) in the given currency.
func (c *Client) Payout(ctx context.Context, reference, iban string, amountMinor int64, currency string) (*PayoutResult, error) {
	var out PayoutResult
	resp, err := c.http.R().
		SetContext(ctx).
		SetHeader("Idempotency-Key", reference).
		SetBody(payoutRequest{
			CreditorIban: iban,
			Amount:       fmt.Sprintf("%d.%02d", amountMinor/100, amountMinor%100),
			Reference:    reference,
		}).
		SetResult(&out).
		Post("/payments/sepa-credit-transfers")
	if err != nil {
		return nil, fmt.Errorf("bank payout: %w", err)
	}
	if resp.IsError() {
		return nil, fmt.Errorf("bank payout: status %d: %s", resp.StatusCode(), resp.String())
	}
	return &out, nil
}

// Sign returns the hex HMAC the bank attaches to settlement notifications.
func (c *Client) Sign(payload []byte) string {
	mac := hmac.New(sha256.New, c.webhookSecret)
	mac.Write(payload)
	return hex.EncodeToString(mac.Sum(nil))
}
