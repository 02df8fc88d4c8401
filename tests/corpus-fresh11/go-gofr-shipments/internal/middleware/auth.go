package middleware

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"gofr.dev/pkg/gofr/logging"
)

func writeError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"message": msg}})
}

// APIKeyAuth requires a valid X-API-Key header on every request except the
// given path prefixes (carrier webhooks authenticate with a signature instead).
func APIKeyAuth(keys []string, publicPrefixes ...string) func(http.Handler) http.Handler {
	digests := make([][32]byte, 0, len(keys))
	for _, k := range keys {
		if k = strings.TrimSpace(k); k != "" {
			digests = append(digests, sha256.Sum256([]byte(k)))
		}
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			for _, p := range publicPrefixes {
				if strings.HasPrefix(r.URL.Path, p) {
					next.ServeHTTP(w, r)
					return
				}
			}
			got := sha256.Sum256([]byte(r.Header.Get("X-API-Key")))
			for _, d := range digests {
				if subtle.ConstantTimeCompare(got[:], d[:]) == 1 {
					next.ServeHTTP(w, r)
					return
				}
			}
			writeError(w, http.StatusUnauthorized, "invalid api key")
		})
	}
}

// AdminOnly restricts /admin/* routes to callers whose key carries the admin
// scope (set by the gateway in X-Key-Scopes).
func AdminOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/admin/") {
			scopes := strings.Split(r.Header.Get("X-Key-Scopes"), " ")
			if !contains(scopes, "shipments:admin") {
				writeError(w, http.StatusForbidden, "admin scope required")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func contains(xs []string, want string) bool {
	for _, x := range xs {
		if x == want {
			return true
		}
	}
	return false
}

// RequestLog logs method, path, status and latency.
func RequestLog(logger logging.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			next.ServeHTTP(w, r)
			logger.Infof("%s %s %s", r.Method, r.URL.Path, time.Since(start))
		})
	}
}
