package api

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"goji.io"
	"goji.io/pat"
)

func sign(key []byte, body string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(body))
	return hex.EncodeToString(m.Sum(nil))
}

func TestBankWebhookSignature(t *testing.T) {
	h := testHandlers()
	h.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	body := `{"event":"credit","amount_minor":1500}`

	tests := []struct {
		name string
		sig  string
		want int
	}{
		{"valid", sign(h.HookKey, body), http.StatusAccepted},
		{"wrong key", sign([]byte("other"), body), http.StatusUnauthorized},
		{"missing", "", http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/hooks/bank", strings.NewReader(body))
			req.Header.Set("X-Bank-Signature", tt.sig)
			rec := httptest.NewRecorder()
			h.BankWebhook(rec, req)
			if rec.Code != tt.want {
				t.Errorf("got %d, want %d", rec.Code, tt.want)
			}
		})
	}
}

func TestStatementServesFromConfiguredDir(t *testing.T) {
	h := testHandlers()
	h.StatementDir = t.TempDir()
	if err := os.WriteFile(filepath.Join(h.StatementDir, "acc-1.pdf"), []byte("%PDF-1.7"), 0o600); err != nil {
		t.Fatal(err)
	}
	mux := goji.NewMux()
	mux.HandleFunc(pat.Get("/statements/:id"), h.Statement)

	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/statements/acc-1", nil))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), "%PDF") {
		t.Fatalf("status %d body %q", rec.Code, rec.Body.String())
	}
}
