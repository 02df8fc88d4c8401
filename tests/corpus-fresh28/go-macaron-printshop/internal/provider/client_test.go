package provider

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestQuote(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.URL.Query().Get("sku"); got != "POSTER-A2" {
			t.Errorf("sku = %q", got)
		}
		json.NewEncoder(w).Encode(Quote{SKU: "POSTER-A2", Quantity: 10, PriceCents: 4990, ShipsIn: 5})
	}))
	defer srv.Close()

	c := New(srv.URL, "k")
	c.HTTP = srv.Client()
	q, err := c.Quote(context.Background(), "POSTER-A2", 10, false)
	if err != nil {
		t.Fatal(err)
	}
	if q.PriceCents != 4990 {
		t.Fatalf("price = %d, want 4990", q.PriceCents)
	}
}

func TestSubmitJobErrors(t *testing.T) {
	for _, status := range []int{http.StatusBadRequest, http.StatusUnauthorized, http.StatusBadGateway} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "nope", status)
		}))
		c := New(srv.URL, "k")
		c.HTTP = srv.Client()
		if _, err := c.SubmitJob(context.Background(), JobRequest{Reference: "o-1"}); err == nil {
			t.Errorf("status %d: expected an error", status)
		}
		srv.Close()
	}
}
