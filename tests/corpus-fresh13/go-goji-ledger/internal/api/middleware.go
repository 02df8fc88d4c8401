package api

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"os"
	"strings"
)

type ctxKey int

const (
	ctxRequestID ctxKey = iota
	ctxPrincipal
)

// Principal is the caller identified by a bearer token.
type Principal struct {
	Name  string
	Admin bool
}

// TokensFromEnv parses LEDGER_TOKENS="name:token:role,...".
func TokensFromEnv() map[string]Principal {
	out := map[string]Principal{}
	for _, item := range strings.Split(os.Getenv("LEDGER_TOKENS"), ",") {
		parts := strings.SplitN(strings.TrimSpace(item), ":", 3)
		if len(parts) != 3 {
			continue
		}
		out[parts[1]] = Principal{Name: parts[0], Admin: parts[2] == "admin"}
	}
	return out
}

func requestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := make([]byte, 8)
		id := "unknown"
		if _, err := rand.Read(buf); err == nil {
			id = hex.EncodeToString(buf)
		}
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxRequestID, id)))
	})
}

// RequireToken authenticates the bearer token against the configured set.
func (h *Handlers) RequireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		presented := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		for token, p := range h.Tokens {
			if subtle.ConstantTimeCompare([]byte(token), []byte(presented)) == 1 {
				next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxPrincipal, p)))
				return
			}
		}
		writeError(w, http.StatusUnauthorized, "invalid token")
	})
}

// RequireAdmin must run after RequireToken.
func (h *Handlers) RequireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := r.Context().Value(ctxPrincipal).(Principal)
		if !ok || !p.Admin {
			writeError(w, http.StatusForbidden, "admin only")
			return
		}
		next.ServeHTTP(w, r)
	})
}
