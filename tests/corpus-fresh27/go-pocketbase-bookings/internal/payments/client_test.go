package payments

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tlsTestClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}}
}

func TestCreateChargeSendsAmountAndMetadata(t *testing.T) {
	var got map[string]any
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		require.Equal(t, "Bearer sk_test_123", r.Header.Get("Authorization"))
		require.NoError(t, json.NewDecoder(r.Body).Decode(&got))
		_ = json.NewEncoder(w).Encode(Charge{ID: "ch_1", Status: "pending", AmountCents: 4500, CheckoutURL: "https://pay.test/c/ch_1"})
	}))
	defer srv.Close()

	c := NewWithHTTPClient(srv.URL, "sk_test_123", tlsTestClient())
	ch, err := c.CreateCharge(context.Background(), "bkg1", 4500, "EUR")
	require.NoError(t, err)
	assert.Equal(t, "ch_1", ch.ID)
	assert.EqualValues(t, 4500, got["amount"])
	assert.Equal(t, "bkg1", got["metadata"].(map[string]any)["booking_id"])
}

func TestProviderErrorsAreReturned(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusPaymentRequired)
	}))
	defer srv.Close()

	err := NewWithHTTPClient(srv.URL, "sk_test_123", srv.Client()).Refund(context.Background(), "ch_1", 100)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "402")
}

func TestNewRejectsEmptyKey(t *testing.T) {
	if _, err := New("https://api.tallypay.io/v1", ""); err == nil {
		t.Fatal("expected an error for an empty api key")
	}
}
