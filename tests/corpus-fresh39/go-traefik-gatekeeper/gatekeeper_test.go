package traefik_gatekeeper

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

const testSecret = "unit-test-jwt-secret"

func newTestHandler(t *testing.T, upstream http.Handler) *Gatekeeper {
	t.Helper()
	cfg := CreateConfig()
	cfg.JWTSecret = testSecret
	cfg.JWTAudience = "internal-apis"
	cfg.HMACSecret = "unit-test-hmac-secret"
	cfg.APIKeys = map[string]string{
		// sha256("s3cret")
		"ci": "1ec1c26b50d5d3c58d9583181af8076655fe00756bf7285940ba3670f99fcba0",
	}
	cfg.Rules = []Rule{
		{PathPrefix: "/public/", Auth: "none"},
		{PathPrefix: "/api/", Auth: "jwt", ForwardClaims: map[string]string{"sub": "X-Auth-Subject"}},
		{PathPrefix: "/ci/", Auth: "apikey"},
		{PathPrefix: "/hooks/", Auth: "hmac", RemoveHeaders: []string{"Cookie"}},
	}
	h, err := New(context.Background(), upstream, cfg, "gatekeeper-test")
	if err != nil {
		t.Fatal(err)
	}
	return h.(*Gatekeeper)
}

func signJWT(t *testing.T, claims map[string]interface{}) string {
	t.Helper()
	header := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	raw, _ := json.Marshal(claims)
	payload := base64.RawURLEncoding.EncodeToString(raw)
	mac := hmac.New(sha256.New, []byte(testSecret))
	mac.Write([]byte(header + "." + payload))
	return header + "." + payload + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func assertStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d (body %q)", rec.Code, want, rec.Body.String())
	}
}

func TestUnknownAuthModeIsRejected(t *testing.T) {
	cfg := CreateConfig()
	cfg.Rules = []Rule{{PathPrefix: "/", Auth: "oidc"}}
	if _, err := New(context.Background(), http.NotFoundHandler(), cfg, "x"); err == nil {
		t.Fatal("expected an error for an unknown auth mode")
	}
}

func TestJWTRequired(t *testing.T) {
	h := newTestHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/orders", nil))
	assertStatus(t, rec, http.StatusUnauthorized)
}

func TestJWTForwardsSubject(t *testing.T) {
	var got string
	h := newTestHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("X-Auth-Subject")
	}))
	token := signJWT(t, map[string]interface{}{"sub": "svc-billing", "aud": "internal-apis", "exp": time.Now().Add(time.Minute).Unix()})
	req := httptest.NewRequest(http.MethodGet, "/api/orders", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assertStatus(t, rec, http.StatusOK)
	if got != "svc-billing" {
		t.Fatalf("X-Auth-Subject = %q", got)
	}
}

func TestExpiredJWT(t *testing.T) {
	h := newTestHandler(t, http.NotFoundHandler())
	token := signJWT(t, map[string]interface{}{"sub": "x", "aud": "internal-apis", "exp": time.Now().Add(-time.Minute).Unix()})
	req := httptest.NewRequest(http.MethodGet, "/api/orders", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assertStatus(t, rec, http.StatusUnauthorized)
}

func TestServeHTTPStripsSpoofedIdentityHeaders(t *testing.T) {
	h := newTestHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Seen-Subject", r.Header.Get("X-Auth-Subject"))
	}))
	req := httptest.NewRequest(http.MethodGet, "/public/status", nil)
	req.Header.Set("X-Auth-Subject", "admin")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
}

func TestHMACSignedHook(t *testing.T) {
	cases := []struct {
		name   string
		secret string
		skew   time.Duration
		want   int
	}{
		{"valid", "unit-test-hmac-secret", 0, http.StatusOK},
		{"wrong secret", "other", 0, http.StatusUnauthorized},
		{"stale", "unit-test-hmac-secret", -10 * time.Minute, http.StatusUnauthorized},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newTestHandler(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
			body := `{"event":"deploy"}`
			ts := strconv.FormatInt(time.Now().Add(tc.skew).Unix(), 10)
			mac := hmac.New(sha256.New, []byte(tc.secret))
			mac.Write([]byte(ts + "." + body))
			req := httptest.NewRequest(http.MethodPost, "/hooks/deploy", strings.NewReader(body))
			req.Header.Set("X-Signature-Timestamp", ts)
			req.Header.Set("X-Signature", hex.EncodeToString(mac.Sum(nil)))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Fatalf("got %d, want %d", rec.Code, tc.want)
			}
		})
	}
}
