package syncer

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// callBack simulates the browser being redirected to the loopback listener.
func callBack(t *testing.T, authURL string, mutate func(q url.Values)) {
	t.Helper()
	u, err := url.Parse(authURL)
	if err != nil {
		t.Fatal(err)
	}
	redirect, err := url.Parse(u.Query().Get("redirect_uri"))
	if err != nil {
		t.Fatal(err)
	}
	q := url.Values{"state": {u.Query().Get("state")}, "code": {"abc"}}
	mutate(q)
	redirect.RawQuery = q.Encode()
	resp, err := http.Get(redirect.String())
	if err == nil {
		resp.Body.Close()
	}
}

func TestConnectRejectsForeignState(t *testing.T) {
	c := &Connector{Timeout: 2 * time.Second}
	c.Open = func(authURL string) {
		if !strings.Contains(authURL, "code_challenge_method=S256") {
			t.Errorf("authorization URL lacks PKCE: %s", authURL)
		}
		go callBack(t, authURL, func(q url.Values) { q.Set("state", "forged") })
	}
	_, err := c.Connect(context.Background())
	if err == nil || !strings.Contains(err.Error(), "state mismatch") {
		t.Fatalf("expected state mismatch, got %v", err)
	}
}

func TestConnectReportsDeniedConsent(t *testing.T) {
	c := &Connector{Timeout: 2 * time.Second}
	c.Open = func(authURL string) {
		go callBack(t, authURL, func(q url.Values) { q.Set("error", "access_denied") })
	}
	if _, err := c.Connect(context.Background()); err == nil {
		t.Fatal("expected an error when consent is denied")
	}
}
