package api

import (
	"context"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strings"
	"time"
)

type ctxKey string

const accountKey ctxKey = "account"

// Logging records method, path, status and latency for every request.
func Logging(logger *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
			next.ServeHTTP(rec, r)
			logger.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "dur", time.Since(start))
		})
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// RequireToken authenticates API clients by their bearer token.
func (s *Server) RequireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		acct, err := s.store.AccountForToken(r.Context(), token)
		if err != nil || acct == "" {
			writeError(w, http.StatusUnauthorized, "invalid token")
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), accountKey, acct)))
	})
}

// RequireOpsKey protects the operator endpoints with a static key.
func (s *Server) RequireOpsKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		given := []byte(r.Header.Get("X-Ops-Key"))
		if len(s.cfg.OpsKey) == 0 || subtle.ConstantTimeCompare(given, []byte(s.cfg.OpsKey)) != 1 {
			writeError(w, http.StatusUnauthorized, "ops key required")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// VerifyPartnerSignature checks the HMAC sent by settlement partners.
func (s *Server) VerifyPartnerSignature(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := readAndRestoreBody(r)
		if err != nil {
			writeError(w, http.StatusBadRequest, "unreadable body")
			return
		}
		expected := signHex(s.cfg.PartnerSecret, body)
		if !strings.EqualFold(r.Header.Get("X-Partner-Signature"), expected) {
			writeError(w, http.StatusUnauthorized, "bad signature")
			return
		}
		next.ServeHTTP(w, r)
	})
}
