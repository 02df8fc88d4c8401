package notify

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestVerifyCRMCallback(t *testing.T) {
	c := NewClient("https://crm.invalid", []byte("crm-test-secret"))
	body := []byte(`{"account_id":"a1"}`)
	mac := hmac.New(sha256.New, []byte("crm-test-secret"))
	mac.Write(body)
	good := hex.EncodeToString(mac.Sum(nil))

	cases := map[string]struct {
		sig  string
		want bool
	}{
		"valid":    {good, true},
		"tampered": {good[:len(good)-2] + "00", false},
		"not hex":  {"zz", false},
		"empty":    {"", false},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			if got := c.VerifyCRMCallback(body, tc.sig); got != tc.want {
				t.Fatalf("VerifyCRMCallback(%q) = %v, want %v", tc.sig, got, tc.want)
			}
		})
	}
}

func TestAccountClosedPostsToCRM(t *testing.T) {
	var gotPath string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath = r.URL.Path
		w.WriteHeader(http.StatusAccepted)
	}))
	defer srv.Close()

	c := NewClient(srv.URL, nil)
	c.http.Transport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	if err := c.AccountClosed("a1", "a@example.com"); err != nil {
		t.Fatalf("AccountClosed: %v", err)
	}
	if gotPath != "/hooks/accounts" {
		t.Errorf("path = %q", gotPath)
	}
}

func TestAccountClosedServerError(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	c := NewClient(srv.URL, nil)
	_ = c.AccountClosed("a1", "a@example.com")
}
