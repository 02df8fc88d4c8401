package auth

import (
	"context"
	"crypto/subtle"
	"errors"
	"log/slog"
	"strings"

	"connectrpc.com/connect"
)

type ctxKey struct{}

// Principal is the authenticated caller attached to the request context.
type Principal struct {
	Subject string
	Admin   bool
}

// TokenVerifier resolves an opaque bearer token into a principal.
type TokenVerifier interface {
	Verify(ctx context.Context, token string) (*Principal, error)
}

// FromContext returns the caller set by the interceptor.
func FromContext(ctx context.Context) (*Principal, bool) {
	p, ok := ctx.Value(ctxKey{}).(*Principal)
	return p, ok
}

// NewInterceptor rejects unary calls without a valid bearer token. When
// adminOnly is set it additionally requires an admin principal.
func NewInterceptor(verifier TokenVerifier, adminOnly bool, logger *slog.Logger) connect.UnaryInterceptorFunc {
	return func(next connect.UnaryFunc) connect.UnaryFunc {
		return func(ctx context.Context, req connect.AnyRequest) (connect.AnyResponse, error) {
			raw := req.Header().Get("Authorization")
			token, ok := strings.CutPrefix(raw, "Bearer ")
			if !ok || token == "" {
				return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("missing bearer token"))
			}
			p, err := verifier.Verify(ctx, token)
			if err != nil {
				logger.InfoContext(ctx, "token rejected", "procedure", req.Spec().Procedure, "err", err)
				return nil, connect.NewError(connect.CodeUnauthenticated, errors.New("invalid token"))
			}
			if adminOnly && !p.Admin {
				return nil, connect.NewError(connect.CodePermissionDenied, errors.New("admin only"))
			}
			return next(context.WithValue(ctx, ctxKey{}, p), req)
		}
	}
}

// StaticVerifier accepts a single service token; used for machine-to-machine calls.
type StaticVerifier struct {
	Token   string
	Subject string
}

func (s StaticVerifier) Verify(_ context.Context, token string) (*Principal, error) {
	if subtle.ConstantTimeCompare([]byte(token), []byte(s.Token)) != 1 {
		return nil, errors.New("token mismatch")
	}
	return &Principal{Subject: s.Subject, Admin: true}, nil
}
