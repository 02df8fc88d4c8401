// Package payments wraps the card processor used for booking deposits.
package payments

import (
	"context"
	"crypto/tls"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gobuffalo/envy"
)

var client = &http.Client{
	Timeout: 20 * time.Second,
	Transport: &http.Transport{
		TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12},
	},
}

func apiBase() string { return envy.Get("PAYMENTS_API_URL", "https://api.cardrail.com/v1") }

// Refund returns amountCents of the given charge to the card it came from.
func Refund(ctx context.Context, chargeID string, amountCents int) error {
	key, err := envy.MustGet("PAYMENTS_SECRET_KEY")
	if err != nil {
		return fmt.Errorf("payments: %w", err)
	}
	form := url.Values{"charge": {chargeID}, "amount": {strconv.Itoa(amountCents)}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, apiBase()+"/refunds", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.SetBasicAuth(key, "")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Idempotency-Key", "refund-"+chargeID)

	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("payments: refund %s: %w", chargeID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("payments: refund %s answered %s", chargeID, resp.Status)
	}
	return nil
}
