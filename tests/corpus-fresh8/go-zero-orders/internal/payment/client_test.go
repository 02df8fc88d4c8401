package payment

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestRefundSendsBearerKey(t *testing.T) {
	var gotAuth string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotAuth = r.Header.Get("Authorization")
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()

	c := NewClient(srv.URL, "test_key_123")
	c.http = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	if err := c.Refund(context.Background(), RefundRequest{OrderId: "o1", AmountCt: 500}); err != nil {
		t.Fatalf("refund: %v", err)
	}
	if gotAuth != "Bearer test_key_123" {
		t.Errorf("Authorization = %q", gotAuth)
	}
}
