package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"

	"github.com/twitchtv/twirp"

	"github.com/acmeco/billing/internal/store"
)

const apiKeyHeader = "X-Api-Key"

type ctxKey int

const (
	rawKeyCtx ctxKey = iota
	scopesCtx
)

// WithAPIKey copies the API key header into the context so the Twirp
// interceptor can see it; Twirp does not expose headers to interceptors.
func WithAPIKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), rawKeyCtx, r.Header.Get(apiKeyHeader))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

type KeyLookup interface {
	APIKey(ctx context.Context, id string) (*store.APIKey, error)
}

// publicMethods skip API key resolution entirely.
var publicMethods = map[string]bool{"Health": true}

// AuthInterceptor resolves "<id>.<secret>" API keys and stores their scopes.
func AuthInterceptor(keys KeyLookup) twirp.Interceptor {
	return func(next twirp.Method) twirp.Method {
		return func(ctx context.Context, req interface{}) (interface{}, error) {
			method, _ := twirp.MethodName(ctx)
			if publicMethods[method] {
				return next(ctx, req)
			}
			raw, _ := ctx.Value(rawKeyCtx).(string)
			id, secret, ok := strings.Cut(raw, ".")
			if !ok {
				return nil, twirp.Unauthenticated.Error("missing or malformed API key")
			}
			key, err := keys.APIKey(ctx, id)
			if errors.Is(err, store.ErrNotFound) {
				return nil, twirp.Unauthenticated.Error("unknown API key")
			}
			if err != nil {
				return nil, twirp.InternalErrorWith(err)
			}
			sum := sha256.Sum256([]byte(secret))
			if key.Revoked || subtle.ConstantTimeCompare(sum[:], key.Hash) != 1 {
				return nil, twirp.Unauthenticated.Error("invalid API key")
			}
			return next(context.WithValue(ctx, scopesCtx, key.Scopes), req)
		}
	}
}

func requireScope(ctx context.Context, scope string) error {
	scopes, _ := ctx.Value(scopesCtx).([]string)
	for _, s := range scopes {
		if s == scope || s == "billing:admin" {
			return nil
		}
	}
	return twirp.PermissionDenied.Errorf("API key lacks scope %s", scope)
}
