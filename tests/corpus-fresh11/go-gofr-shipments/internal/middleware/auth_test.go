package middleware

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

const testKey = "test-api-key"

func okHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
}

func TestAPIKeyAuth(t *testing.T) {
	mw := APIKeyAuth([]string{testKey, " "}, "/webhooks/")(okHandler())

	tests := []struct {
		name string
		path string
		key  string
		want int
	}{
		{"valid key", "/shipments", testKey, http.StatusNoContent},
		{"wrong key", "/shipments", "nope", http.StatusUnauthorized},
		{"missing key", "/shipments", "", http.StatusUnauthorized},
		{"public prefix", "/webhooks/carrier", "", http.StatusNoContent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tc.path, nil)
			if tc.key != "" {
				req.Header.Set("X-API-Key", tc.key)
			}
			rec := httptest.NewRecorder()
			mw.ServeHTTP(rec, req)
			if rec.Code != tc.want {
				t.Errorf("status = %d, want %d", rec.Code, tc.want)
			}
		})
	}
}

func TestCarrierSignatureRejectsUnsigned(t *testing.T) {
	mw := CarrierSignature([]byte("changeme"), "/webhooks/")(okHandler())
	req := httptest.NewRequest(http.MethodPost, "/webhooks/carrier", nil)
	rec := httptest.NewRecorder()
	mw.ServeHTTP(rec, req)
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status = %d, want 401", rec.Code)
	}
}

func TestRequestLogPassesThrough(t *testing.T) {
	rec := httptest.NewRecorder()
	RequestLog(nopLogger{})(okHandler()).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/x", nil))
}
