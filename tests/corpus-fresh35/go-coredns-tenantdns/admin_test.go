package tenantdns

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const testAdminToken = "admin-token-for-tests"

func testAdmin() *admin {
	return &admin{
		token:       testAdminToken,
		callbackKey: []byte("callback-key-for-tests"),
		callbackKID: "k1",
		cache:       newCache(nil, time.Minute),
	}
}

func do(t *testing.T, a *admin, method, path string, body string, headers map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	a.routes().ServeHTTP(rec, req)
	return rec
}

func expectStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d (body %q)", rec.Code, want, rec.Body.String())
	}
}

func TestFlushNeedsToken(t *testing.T) {
	a := testAdmin()
	expectStatus(t, do(t, a, http.MethodPost, "/flush", "", nil), http.StatusForbidden)
	expectStatus(t, do(t, a, http.MethodPost, "/flush", "", map[string]string{"X-Admin-Token": testAdminToken}), http.StatusNoContent)
}

func TestHealthIsOpen(t *testing.T) {
	expectStatus(t, do(t, testAdmin(), http.MethodGet, "/health", "", nil), http.StatusOK)
}

func TestInvalidateRejectsBadSignature(t *testing.T) {
	a := testAdmin()
	body := `{"tenants":["blue"]}`
	mac := hmac.New(sha256.New, []byte("some-other-key"))
	mac.Write([]byte(body))
	rec := do(t, a, http.MethodPost, "/invalidate", body, map[string]string{
		"X-Registry-Key-Id":    "k1",
		"X-Registry-Signature": hex.EncodeToString(mac.Sum(nil)),
	})
	expectStatus(t, rec, http.StatusUnauthorized)
}
