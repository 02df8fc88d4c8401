package middleware

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/mux"
)

type ctxKey int

const callerKey ctxKey = iota

// Caller returns the short token fingerprint stored by RequireToken.
func Caller(ctx context.Context) string {
	v, _ := ctx.Value(callerKey).(string)
	return v
}

// RequireToken checks the bearer token against the configured set. Digests are
// compared so every comparison has the same length and takes the same time.
func RequireToken(tokens []string) mux.MiddlewareFunc {
	hashed := make([][32]byte, 0, len(tokens))
	for _, t := range tokens {
		hashed = append(hashed, sha256.Sum256([]byte(t)))
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
			sum := sha256.Sum256([]byte(tok))
			match := 0
			for _, h := range hashed {
				match |= subtle.ConstantTimeCompare(sum[:], h[:])
			}
			if tok == "" || match != 1 {
				http.Error(w, "unauthorized", http.StatusUnauthorized)
				return
			}
			ctx := context.WithValue(r.Context(), callerKey, fingerprint(sum))
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

func fingerprint(sum [32]byte) string {
	const hexdigits = "0123456789abcdef"
	out := make([]byte, 0, 8)
	for _, b := range sum[:4] {
		out = append(out, hexdigits[b>>4], hexdigits[b&0x0f])
	}
	return string(out)
}

// RequireRole limits a subrouter to callers whose gateway-asserted role matches.
// The gateway strips any client-supplied X-Role header before forwarding.
func RequireRole(role string) mux.MiddlewareFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			for _, have := range strings.Split(r.Header.Get("X-Role"), ",") {
				if strings.TrimSpace(have) == role {
					next.ServeHTTP(w, r)
					return
				}
			}
			http.Error(w, "forbidden", http.StatusForbidden)
		})
	}
}

// Logging is a plain access log.
func Logging(log *slog.Logger) mux.MiddlewareFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			next.ServeHTTP(w, r)
			log.Info("request", "method", r.Method, "path", r.URL.Path, "took", time.Since(start))
		})
	}
}
