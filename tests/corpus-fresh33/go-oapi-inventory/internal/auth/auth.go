// Package auth implements the OpenAPI security schemes for the request validator.
package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/golang-jwt/jwt/v5"
)

var (
	ErrNoToken      = errors.New("missing bearer token")
	ErrInsufficient = errors.New("token lacks a required scope")
)

type Claims struct {
	Scope string `json:"scope"`
	jwt.RegisteredClaims
}

func (c *Claims) Scopes() []string { return strings.Fields(c.Scope) }

type principalKey struct{}

type Authenticator struct {
	secret []byte
	issuer string
	erpKey string
}

func NewAuthenticator(secret, issuer, erpKey string) *Authenticator {
	return &Authenticator{secret: []byte(secret), issuer: issuer, erpKey: erpKey}
}

func bearer(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || token == "" {
		return "", ErrNoToken
	}
	return token, nil
}

// Parse verifies signature, issuer and expiry. jwt checks the HMAC in constant time.
func (a *Authenticator) Parse(raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return a.secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer(a.issuer), jwt.WithExpirationRequired())
	if err != nil {
		return nil, err
	}
	return claims, nil
}

// Authenticate is the openapi3filter.AuthenticationFunc. ApiKeyAuth is the ERP's read-only key;
// BearerAuth tokens must carry every scope the spec lists for the operation.
func (a *Authenticator) Authenticate(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	switch in.SecuritySchemeName {
	case "ApiKeyAuth":
		key := in.RequestValidationInput.Request.Header.Get("X-Api-Key")
		if key == "" || key != a.erpKey {
			return errors.New("invalid api key")
		}
		return nil
	case "BearerAuth":
	default:
		return fmt.Errorf("unsupported security scheme %q", in.SecuritySchemeName)
	}
	raw, err := bearer(in.RequestValidationInput.Request)
	if err != nil {
		return err
	}
	claims, err := a.Parse(raw)
	if err != nil {
		return fmt.Errorf("invalid token: %w", err)
	}
	for _, need := range in.Scopes {
		if !slices.Contains(claims.Scopes(), need) {
			return fmt.Errorf("%w: %s", ErrInsufficient, need)
		}
	}
	return nil
}

// WithPrincipal stores the token subject for audit records. Authentication already happened
// in the validator; a request without a usable token simply has no principal.
func (a *Authenticator) WithPrincipal(ctx context.Context, r *http.Request) context.Context {
	raw, err := bearer(r)
	if err != nil {
		return ctx
	}
	if claims, err := a.Parse(raw); err == nil {
		return context.WithValue(ctx, principalKey{}, claims.Subject)
	}
	return ctx
}

func Principal(ctx context.Context) string {
	p, _ := ctx.Value(principalKey{}).(string)
	return p
}
