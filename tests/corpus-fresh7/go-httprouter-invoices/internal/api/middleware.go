package api

import (
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/julienschmidt/httprouter"
)

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// withLogging wraps the whole router and records one line per request.
func withLogging(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		log.Info("request",
			"method", r.Method,
			"path", r.URL.Path,
			"status", rec.status,
			"duration_ms", time.Since(start).Milliseconds())
	})
}

// requireToken guards a single route with a bearer token check.
func requireToken(tokens []string, next httprouter.Handle) httprouter.Handle {
	hashed := make([][32]byte, 0, len(tokens))
	for _, t := range tokens {
		if t != "" {
			hashed = append(hashed, sha256.Sum256([]byte(t)))
		}
	}
	return func(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		got := sha256.Sum256([]byte(token))
		for _, want := range hashed {
			if subtle.ConstantTimeCompare(got[:], want[:]) == 1 {
				next(w, r, ps)
				return
			}
		}
		http.Error(w, "unauthorized", http.StatusUnauthorized)
	}
}
