package service

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"html/template"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestVerifyCallback(t *testing.T) {
	secret := []byte("shipfast-test-secret")
	body := []byte(`{"tracking":"1Z999"}`)
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	good := hex.EncodeToString(mac.Sum(nil))

	cases := []struct {
		name string
		sig  string
		want bool
	}{
		{"valid", good, true},
		{"wrong", hex.EncodeToString(make([]byte, 32)), false},
		{"not hex", "xyz", false},
		{"empty", "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := VerifyCallback(secret, body, tc.sig); got != tc.want {
				t.Fatalf("VerifyCallback(%q) = %v, want %v", tc.sig, got, tc.want)
			}
		})
	}
}

func TestCancelShipmentTreats404AsDone(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodDelete {
			t.Errorf("unexpected method %s", r.Method)
		}
		w.WriteHeader(http.StatusNotFound)
	}))
	defer srv.Close()

	c := &ShippingClient{
		base: srv.URL,
		http: &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}},
		tmpl: template.New("noop"),
	}
	if err := c.CancelShipment(context.Background(), "o-1"); err != nil {
		t.Fatalf("expected nil error for 404, got %v", err)
	}
}
