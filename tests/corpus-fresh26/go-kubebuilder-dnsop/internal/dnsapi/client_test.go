package dnsapi

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestUpsertRecordCreatesAndReturnsID(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if got := r.Header.Get("Authorization"); got != "Bearer test-token" {
			t.Errorf("Authorization = %q", got)
		}
		if r.Method != http.MethodPost || r.URL.Path != "/zones/zone-1/records" {
			t.Errorf("unexpected request %s %s", r.Method, r.URL.Path)
		}
		var rec Record
		if err := json.NewDecoder(r.Body).Decode(&rec); err != nil {
			t.Fatal(err)
		}
		rec.ID = "r-123"
		_ = json.NewEncoder(w).Encode(rec)
	}))
	defer srv.Close()

	c, err := New(Options{BaseURL: srv.URL, Token: "test-token", DefaultZone: "zone-1"})
	if err != nil {
		t.Fatal(err)
	}
	id, err := c.UpsertRecord(context.Background(), "zone-1", Record{Name: "www", Type: "A", Values: []string{"192.0.2.1"}, TTL: 300})
	if err != nil {
		t.Fatal(err)
	}
	if id != "r-123" {
		t.Fatalf("id = %q", id)
	}
}

func TestDeleteRecordMapsNotFound(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()

	c, _ := New(Options{BaseURL: srv.URL, Token: "test-token"})
	if err := c.DeleteRecord(context.Background(), "zone-1", "gone"); err != ErrNotFound {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestVerifyCallback(t *testing.T) {
	c, _ := New(Options{BaseURL: "https://cloudzone.invalid", CallbackSecret: []byte("cb-secret")})
	body := []byte(`{"zone":"example.com","name":"www"}`)
	mac := hmac.New(sha256.New, []byte("cb-secret"))
	mac.Write(body)

	if !c.VerifyCallback(body, hex.EncodeToString(mac.Sum(nil))) {
		t.Fatal("valid signature rejected")
	}
	if c.VerifyCallback(body, "00") {
		t.Fatal("invalid signature accepted")
	}
}
