package handlers

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stallwise/payouts/internal/auth"
	"github.com/stallwise/payouts/internal/state"
)

func sign(key, body []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

func assertStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d (body %q)", rec.Code, want, rec.Body.String())
	}
}

func TestBankWebhookRejectsBadSignature(t *testing.T) {
	h, _, _, _ := newTestHandlers(t)
	body := []byte(`{"transfer_id":"t1","client_reference":"po_1","status":"settled"}`)
	req := httptest.NewRequest(http.MethodPost, "/webhooks/bank", bytes.NewReader(body))
	req.Header.Set("X-Northbank-Signature", sign([]byte("some-other-key"), body))
	rec := httptest.NewRecorder()

	h.BankWebhook(rec, req)

	assertStatus(t, rec, http.StatusUnauthorized)
}

func TestBankWebhookSettles(t *testing.T) {
	h, _, _, _ := newTestHandlers(t)
	if err := h.Store.SavePayout(context.Background(), &state.Payout{ID: "po_7", SellerID: "s1", Cents: 9000, Status: "submitted"}); err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"transfer_id":"t7","client_reference":"po_7","status":"settled"}`)
	req := httptest.NewRequest(http.MethodPost, "/webhooks/bank", bytes.NewReader(body))
	req.Header.Set("X-Northbank-Signature", sign(h.BankWHKey, body))
	rec := httptest.NewRecorder()

	h.BankWebhook(rec, req)
}

func TestDaprTokenMiddleware(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mw := auth.DaprToken("test-app-token", "/healthz")(ok)
	cases := []struct {
		name, path, token string
		want              int
	}{
		{"no token", "/payouts/get", "", http.StatusUnauthorized},
		{"wrong token", "/payouts/get", "nope", http.StatusUnauthorized},
		{"right token", "/payouts/get", "test-app-token", http.StatusNoContent},
		{"skipped path", "/healthz", "", http.StatusNoContent},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, tc.path, nil)
			if tc.token != "" {
				req.Header.Set(auth.APITokenHeader, tc.token)
			}
			rec := httptest.NewRecorder()
			mw.ServeHTTP(rec, req)
			assertStatus(t, rec, tc.want)
		})
	}
}
