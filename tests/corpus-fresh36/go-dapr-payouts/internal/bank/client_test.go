package bank

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestCreateTransferIsIdempotentPerPayout(t *testing.T) {
	var gotKey, gotAuth string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotKey = r.Header.Get("Idempotency-Key")
		gotAuth = r.Header.Get("Authorization")
		_ = json.NewEncoder(w).Encode(Transfer{Ref: "tr_1", Status: "accepted"})
	}))
	defer srv.Close()

	c := &Client{
		// httptest serves a throwaway self-signed certificate for 127.0.0.1.
		http:   &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}},
		base:   srv.URL,
		apiKey: "test-bank-key",
	}
	tr, err := c.CreateTransfer(context.Background(), TransferRequest{PayoutID: "po_1", SellerID: "s1", AmountCents: 1200, Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	if tr.Ref != "tr_1" {
		t.Errorf("ref = %q", tr.Ref)
	}
	if gotKey != "payout-po_1" || gotAuth != "Bearer test-bank-key" {
		t.Errorf("headers: Idempotency-Key=%q Authorization=%q", gotKey, gotAuth)
	}
}
