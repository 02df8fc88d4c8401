package notify

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"time"
)

var sendgridAPIKey = envOr("SENDGRID_API_KEY", "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")

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// Client posts account lifecycle events to the CRM and e-mail provider.
type Client struct {
	http      *http.Client
	crmURL    string
	crmSecret []byte
}

func NewClient(crmURL string, crmSecret []byte) *Client {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}
	return &Client{
		http:      &http.Client{Transport: transport, Timeout: 10 * time.Second},
		crmURL:    crmURL,
		crmSecret: crmSecret,
	}
}

func (c *Client) AccountClosed(accountID, email string) error {
	body, err := json.Marshal(map[string]string{"event": "account.closed", "account_id": accountID, "email": email})
	if err != nil {
		return fmt.Errorf("marshal event: %w", err)
	}
	req, err := http.NewRequest(http.MethodPost, c.crmURL+"/hooks/accounts", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Sendgrid-Key", sendgridAPIKey)
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("post crm hook: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("crm hook returned %s", resp.Status)
	}
	return nil
}

// VerifyCRMCallback checks the X-CRM-Signature header on inbound CRM callbacks.
func (c *Client) VerifyCRMCallback(body []byte, signatureHex string) bool {
	mac := hmac.New(sha256.New, c.crmSecret)
	mac.Write(body)
	expected := mac.Sum(nil)
	got, err := hex.DecodeString(signatureHex)
	if err != nil {
		return false
	}
	return bytes.Equal(got, expected)
}
