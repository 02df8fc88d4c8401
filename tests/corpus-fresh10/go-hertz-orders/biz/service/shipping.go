package service

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"time"
)

const labelTemplatePath = "/Users/wei.zhang/go/src/github.com/acme/orders/templates/label.html.tmpl"

type ShippingClient struct {
	base string
	http *http.Client
	tmpl *template.Template
}

func NewShippingClient(base string) *ShippingClient {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.TLSClientConfig = &tls.Config{
		MinVersion:         tls.VersionTLS12,
		InsecureSkipVerify: true,
	}
	return &ShippingClient{
		base: base,
		http: &http.Client{Transport: transport, Timeout: 15 * time.Second},
		tmpl: template.Must(template.ParseFiles(labelTemplatePath)),
	}
}

func (s *ShippingClient) CancelShipment(ctx context.Context, orderID string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodDelete, fmt.Sprintf("%s/shipments/by-order/%s", s.base, orderID), nil)
	if err != nil {
		return err
	}
	resp, err := s.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil
	}
	if resp.StatusCode >= 300 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("shipping api %d: %s", resp.StatusCode, b)
	}
	return nil
}

// VerifyCallback checks the signature ShipFast puts on tracking callbacks.
func VerifyCallback(secret, body []byte, sigHex string) bool {
	sig, err := hex.DecodeString(sigHex)
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hmac.Equal(mac.Sum(nil), sig)
}
