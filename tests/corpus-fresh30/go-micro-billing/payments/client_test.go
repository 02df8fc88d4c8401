package payments

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestChargeSendsIdempotencyKey(t *testing.T) {
	var gotKey, gotAuth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotKey = r.Header.Get("Idempotency-Key")
		gotAuth = r.Header.Get("Authorization")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"ch_9","status":"succeeded"}`))
	}))
	defer srv.Close()

	c := NewClient(srv.URL, "pf_test_key", time.Second)
	ch, err := c.Charge(context.Background(), ChargeParams{CustomerRef: "pf_cus_1", Amount: 100, Currency: "EUR", IdempotencyKey: "k-42"})
	if err != nil {
		t.Fatal(err)
	}
	if ch.ID != "ch_9" || gotKey != "k-42" || gotAuth != "Bearer pf_test_key" {
		t.Fatalf("charge=%+v key=%q auth=%q", ch, gotKey, gotAuth)
	}
}

func TestChargeErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		code   string
	}{
		{"card declined", 402, `{"code":"card_declined","message":"insufficient funds"}`, "card_declined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.body))
			}))
			defer srv.Close()

			_, err := NewClient(srv.URL, "k", time.Second).Charge(context.Background(), ChargeParams{Amount: 1})
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("want *APIError, got %v", err)
			}
			if apiErr.Status != tt.status || apiErr.Code != tt.code {
				t.Errorf("got %+v", apiErr)
			}
		})
	}
}
