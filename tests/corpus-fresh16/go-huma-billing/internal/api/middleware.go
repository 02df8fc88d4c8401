package api

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/northwind-labs/billingd/internal/store"
)

type customerIDKey struct{}

type Middleware struct {
	api      huma.API
	adminKey []byte
	store    *store.Store
}

func bearer(ctx huma.Context) string {
	return strings.TrimSpace(strings.TrimPrefix(ctx.Header("Authorization"), "Bearer "))
}

// RequireAdminKey guards back-office operations with the shared admin key.
func (m *Middleware) RequireAdminKey(ctx huma.Context, next func(huma.Context)) {
	key := bearer(ctx)
	if key == "" || subtle.ConstantTimeCompare([]byte(key), m.adminKey) != 1 {
		_ = huma.WriteErr(m.api, ctx, http.StatusUnauthorized, "invalid admin key")
		return
	}
	next(ctx)
}

// RequireCustomerToken resolves a customer API token. Tokens are stored hashed,
// so the lookup is by digest rather than by comparing the raw value.
func (m *Middleware) RequireCustomerToken(ctx huma.Context, next func(huma.Context)) {
	raw := bearer(ctx)
	if raw == "" {
		_ = huma.WriteErr(m.api, ctx, http.StatusUnauthorized, "missing bearer token")
		return
	}
	sum := sha256.Sum256([]byte(raw))
	customerID, err := m.store.CustomerIDForTokenHash(ctx.Context(), hex.EncodeToString(sum[:]))
	switch {
	case errors.Is(err, store.ErrNotFound):
		_ = huma.WriteErr(m.api, ctx, http.StatusUnauthorized, "unknown token")
		return
	case err != nil:
		_ = huma.WriteErr(m.api, ctx, http.StatusInternalServerError, "token lookup failed")
		return
	}
	next(huma.WithValue(ctx, customerIDKey{}, customerID))
}

func customerIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(customerIDKey{}).(string)
	return id
}
