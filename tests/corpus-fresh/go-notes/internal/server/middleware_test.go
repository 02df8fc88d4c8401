package server

import (
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acme/notes/internal/config"
)

func newTestServer(t *testing.T) *Server {
	t.Helper()
	cfg := config.Config{APITokens: map[string]string{"tok-alice": "alice", "tok-bob": "bob"}}
	return New(cfg, nil, log.New(io.Discard, "", 0), map[string]bool{"alice": true})
}

func okHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
}

func TestAuthenticate_RejectsBadToken(t *testing.T) {
	s := newTestServer(t)
	tests := []struct {
		name   string
		header string
		want   int
	}{
		{"no header", "", http.StatusUnauthorized},
		{"wrong scheme", "Basic tok-alice", http.StatusUnauthorized},
		{"unknown token", "Bearer tok-eve", http.StatusUnauthorized},
		{"valid token", "Bearer tok-bob", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, "/api/notes", nil)
			if tt.header != "" {
				req.Header.Set("Authorization", tt.header)
			}
			rec := httptest.NewRecorder()
			s.authenticate(okHandler()).ServeHTTP(rec, req)
			assert.Equal(t, tt.want, rec.Code)
		})
	}
}

func TestRequireAdmin(t *testing.T) {
	tests := []struct {
		user string
		want int
	}{
		{"alice", http.StatusOK},
		{"bob", http.StatusForbidden},
		{"", http.StatusForbidden},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodPost, "/api/admin/reindex", nil)
		if tt.user != "" {
			req = req.WithContext(context.WithValue(req.Context(), userKey, tt.user))
		}
		rec := httptest.NewRecorder()
		RequireAdmin(map[string]bool{"alice": true})(okHandler()).ServeHTTP(rec, req)
		require.Equal(t, tt.want, rec.Code, "user %q", tt.user)
	}
}
