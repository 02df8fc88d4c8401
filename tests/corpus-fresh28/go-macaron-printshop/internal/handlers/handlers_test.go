package handlers

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/macaron.v1"

	"github.com/inkwell/printshop/internal/config"
	mw "github.com/inkwell/printshop/internal/middleware"
	"github.com/inkwell/printshop/internal/store"
)

func testConfig() *config.Config {
	return &config.Config{SessionSecret: "test-session-secret", ProviderSecret: "test-webhook-secret"}
}

func TestProviderWebhookSignature(t *testing.T) {
	tests := []struct {
		name       string
		signature  string
		wantStatus int
	}{
		{"missing signature", "", http.StatusUnauthorized},
		{"wrong signature", "deadbeef", http.StatusUnauthorized},
		{"signature for another body", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := macaron.New()
			m.Map(testConfig())
			m.Map(&store.Store{})
			m.Post("/hooks/printco", ProviderWebhook)

			req := httptest.NewRequest(http.MethodPost, "/hooks/printco", strings.NewReader(`{"job_id":"j1","reference":"1","status":"shipped"}`))
			req.Header.Set("X-PrintCo-Signature", tt.signature)
			rec := httptest.NewRecorder()
			m.ServeHTTP(rec, req)
		})
	}
}

func TestRequireAdmin(t *testing.T) {
	tests := []struct {
		name    string
		isAdmin bool
		want    int
	}{
		{"admin passes", true, http.StatusOK},
		{"customer refused", false, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := macaron.New()
			m.Get("/admin/x", func(ctx *macaron.Context) {
				ctx.Map(&store.User{ID: 7, IsAdmin: tt.isAdmin})
			}, mw.RequireAdmin, func(ctx *macaron.Context) { ctx.PlainText(http.StatusOK, []byte("ok")) })

			rec := httptest.NewRecorder()
			m.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/admin/x", nil))

			if rec.Code != tt.want {
				t.Errorf("status = %d, want %d", rec.Code, tt.want)
			}
		})
	}
}

func TestServeArtworkSignedLinks(t *testing.T) {
	artworkDir = t.TempDir()
	if err := os.WriteFile(filepath.Join(artworkDir, "abc.pdf"), []byte("%PDF"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	future := time.Now().Add(time.Hour).Unix()
	past := time.Now().Add(-time.Hour).Unix()
	exp := func(ts int64) string { return strconv.FormatInt(ts, 10) }

	tests := []struct {
		name string
		url  string
		want int
	}{
		{"valid link", "/artwork/abc.pdf?exp=" + exp(future) + "&sig=" + artworkSig(cfg.SessionSecret, "abc.pdf", future), http.StatusOK},
		{"tampered signature", "/artwork/abc.pdf?exp=" + exp(future) + "&sig=00", http.StatusForbidden},
		{"expired link", "/artwork/abc.pdf?exp=" + exp(past) + "&sig=" + artworkSig(cfg.SessionSecret, "abc.pdf", past), http.StatusGone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := macaron.New()
			m.Map(cfg)
			m.Get("/artwork/:id", ServeArtwork)
			rec := httptest.NewRecorder()
			m.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.url, nil))
			if rec.Code != tt.want {
				t.Fatalf("status = %d, want %d", rec.Code, tt.want)
			}
		})
	}
}
