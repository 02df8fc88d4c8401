package ops

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

const testAdminToken = "changeme"

func newTestServer() *Server {
	return &Server{AdminToken: testAdminToken, CarrierSecret: "test-secret", Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

func TestRoutes(t *testing.T) {
	tests := []struct {
		name   string
		method string
		path   string
		token  string
		want   int
	}{
		{"health", http.MethodGet, "/healthz", "", http.StatusOK},
		{"signal without token", http.MethodPost, "/admin/workflows/w1/signal", "", http.StatusUnauthorized},
		{"signal with wrong token", http.MethodPost, "/admin/workflows/w1/signal", "nope", http.StatusUnauthorized},
		{"webhook bad signature", http.MethodPost, "/hooks/carrier?order=o1", "", http.StatusUnauthorized},
	}
	h := newTestServer().Routes()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, nil)
			if tt.token != "" {
				req.Header.Set("Authorization", "Bearer "+tt.token)
			}
			rr := httptest.NewRecorder()
			h.ServeHTTP(rr, req)
			if rr.Code != tt.want {
				t.Fatalf("%s %s: got %d, want %d", tt.method, tt.path, rr.Code, tt.want)
			}
		})
	}
}
