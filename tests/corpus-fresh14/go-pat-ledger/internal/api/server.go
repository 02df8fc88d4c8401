package api

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/bmizerany/pat"
	"github.com/justinas/alice"

	"github.com/acme/ledger-api/internal/store"
)

type Ledger interface {
	AccountForToken(ctx context.Context, token string) (string, error)
	ListTransactions(ctx context.Context, account string, since time.Time) ([]store.Transaction, error)
	Transfer(ctx context.Context, from, to string, amount int64, memo string) error
	RevokeTokens(ctx context.Context, account string) error
	CloseAccount(ctx context.Context, account string) error
}

type Server struct {
	cfg    Config
	store  Ledger
	logger *slog.Logger
}

func NewServer(cfg Config, st Ledger, logger *slog.Logger) *Server {
	return &Server{cfg: cfg, store: st, logger: logger}
}

func (s *Server) Routes() http.Handler {
	m := pat.New()
	authed := alice.New(s.RequireToken)
	ops := alice.New(s.RequireOpsKey)

	m.Get("/healthz", http.HandlerFunc(s.health))

	// Partner callbacks are authenticated by HMAC, not bearer tokens.
	m.Post("/partner/settlements", alice.New(s.VerifyPartnerSignature).ThenFunc(s.settlement))

	// Customer API
	m.Get("/v1/transactions", authed.ThenFunc(s.listTransactions))
	m.Post("/v1/transfers", authed.ThenFunc(s.createTransfer))
	m.Get("/v1/statements/:month", authed.ThenFunc(s.exportStatement))

	// Operator API
	m.Post("/ops/accounts/:id/revoke", ops.ThenFunc(s.revokeTokens))
	m.Del("/ops/accounts/:id", http.HandlerFunc(s.closeAccount))

	return alice.New(Logging(s.logger)).Then(m)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func readAndRestoreBody(r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return body, nil
}

func signHex(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}
