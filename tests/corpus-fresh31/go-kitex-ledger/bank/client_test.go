package bank

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/finchpay/ledger/conf"
)

func TestPayoutFormatsAmountAndReference(t *testing.T) {
	var got payoutRequest
	var idem string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		idem = r.Header.Get("Idempotency-Key")
		_ = json.NewDecoder(r.Body).Decode(&got)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"payment_id":"p-1","status":"accepted"}`))
	}))
	defer srv.Close()

	c := New(conf.Bank{BaseURL: srv.URL, Timeout: time.Second, WebhookSecret: "test-secret"})
	// httptest serves a throwaway self-signed certificate.
	c.http.SetTLSClientConfig(&tls.Config{InsecureSkipVerify: true})

	res, err := c.Payout(context.Background(), "ref-1", "DE89370400440532013000", 12345, "EUR")
	if err != nil {
		t.Fatal(err)
	}
	if got.Amount != "123.45" || got.Reference != "ref-1" || idem != "ref-1" || res.ID != "p-1" {
		t.Fatalf("request %+v idem %q result %+v", got, idem, res)
	}
}

func TestSignMatchesHMAC(t *testing.T) {
	c := New(conf.Bank{WebhookSecret: "test-secret"})
	payload := []byte(`{"payment_id":"p-1"}`)
	mac := hmac.New(sha256.New, []byte("test-secret"))
	mac.Write(payload)
	if got, want := c.Sign(payload), hex.EncodeToString(mac.Sum(nil)); got != want {
		t.Fatalf("Sign = %s, want %s", got, want)
	}
}
