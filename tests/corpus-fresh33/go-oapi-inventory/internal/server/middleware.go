package server

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/tallyhouse/inventory/api"
	"github.com/tallyhouse/inventory/internal/auth"
)

// Logging is a strict middleware that records every operation with its outcome.
func Logging(log *slog.Logger) api.StrictMiddlewareFunc {
	return func(f api.StrictHandlerFunc, operationID string) api.StrictHandlerFunc {
		return func(ctx context.Context, w http.ResponseWriter, r *http.Request, request interface{}) (interface{}, error) {
			start := time.Now()
			resp, err := f(ctx, w, r, request)
			log.Info("operation", "op", operationID, "ms", time.Since(start).Milliseconds(), "err", err)
			return resp, err
		}
	}
}

// Principal puts the token subject into the context for audit records. The operation id is
// part of the StrictMiddlewareFunc signature; the principal is the same for every operation.
func Principal(a *auth.Authenticator) api.StrictMiddlewareFunc {
	return func(f api.StrictHandlerFunc, operationID string) api.StrictHandlerFunc {
		return func(ctx context.Context, w http.ResponseWriter, r *http.Request, request interface{}) (interface{}, error) {
			return f(a.WithPrincipal(ctx, r), w, r, request)
		}
	}
}

// SupplierSignature authenticates PartSource callbacks, which the spec marks security: [],
// with an HMAC over the raw body. Other paths pass through untouched.
func SupplierSignature(secret []byte) api.MiddlewareFunc {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !strings.HasSuffix(r.URL.Path, "/supplier/updates") {
				next.ServeHTTP(w, r)
				return
			}
			body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
			if err != nil {
				http.Error(w, "unreadable body", http.StatusBadRequest)
				return
			}
			mac := hmac.New(sha256.New, secret)
			mac.Write(body)
			if r.Header.Get("X-Supplier-Signature") != hex.EncodeToString(mac.Sum(nil)) {
				http.Error(w, "bad signature", http.StatusUnauthorized)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			next.ServeHTTP(w, r)
		})
	}
}
