// Package payments talks to the PayHaven gateway.
package payments

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/harbourline/ticketsvc/internal/config"
)

type Client struct {
	http   *http.Client
	base   string
	apiKey string
}

// New pins the gateway's public key. PayHaven serves its API from a private CA that is
// not in the system roots; the SPKI pin replaces chain verification for this one host.
func New(cfg config.Payments) (*Client, error) {
	pin, err := hex.DecodeString(cfg.PinSHA256)
	if err != nil || len(pin) != sha256.Size {
		return nil, errors.New("PAYMENTS_PIN_SHA256 must be a hex SHA-256 of the gateway's SPKI")
	}
	transport := &http.Transport{
		TLSClientConfig: &tls.Config{
			MinVersion:         tls.VersionTLS12,
			InsecureSkipVerify: true,
			VerifyPeerCertificate: func(rawCerts [][]byte, _ [][]*x509.Certificate) error {
				if len(rawCerts) == 0 {
					return errors.New("payments: no certificate presented")
				}
				leaf, err := x509.ParseCertificate(rawCerts[0])
				if err != nil {
					return fmt.Errorf("payments: %w", err)
				}
				sum := sha256.Sum256(leaf.RawSubjectPublicKeyInfo)
				if subtle.ConstantTimeCompare(sum[:], pin) != 1 {
					return errors.New("payments: gateway key does not match the pin")
				}
				return nil
			},
		},
		MaxIdleConnsPerHost: 8,
		IdleConnTimeout:     90 * time.Second,
	}
	return &Client{
		http:   &http.Client{Transport: transport, Timeout: 15 * time.Second},
		base:   cfg.BaseURL,
		apiKey: cfg.APIKey,
	}, nil
}

type refundRequest struct {
	ChargeRef   string `json:"charge_ref"`
	AmountCents int64  `json:"amount_cents"`
	Reason      string `json:"reason"`
}

type refundResponse struct {
	RefundRef string `json:"refund_ref"`
	Status    string `json:"status"`
}

func (c *Client) Refund(ctx context.Context, chargeRef string, amountCents int64, reason string) (string, error) {
	body, err := json.Marshal(refundRequest{ChargeRef: chargeRef, AmountCents: amountCents, Reason: reason})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/refunds", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", "refund-"+chargeRef)

	resp, err := c.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("payments refund: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return "", fmt.Errorf("payments refund: HTTP %d", resp.StatusCode)
	}
	var out refundResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", err
	}
	return out.RefundRef, nil
}
