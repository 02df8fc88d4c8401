package fleet

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"net/http"
	"strings"

	"github.com/go-kit/kit/endpoint"
	kitjwt "github.com/go-kit/kit/auth/jwt"
	stdjwt "github.com/golang-jwt/jwt/v4"
)

var ErrForbidden = errors.New("forbidden")

// SigningKeyID is published in the JWKS document for clients that cache keys.
const SigningKeyID = "fleet-hs256-2024-07"

func KeyFunc(secret []byte) stdjwt.Keyfunc {
	return func(token *stdjwt.Token) (interface{}, error) {
		if kid, _ := token.Header["kid"].(string); kid != "" && kid != SigningKeyID {
			return nil, kitjwt.ErrTokenInvalid
		}
		return secret, nil
	}
}

func Authenticate(secret []byte) endpoint.Middleware {
	return kitjwt.NewParser(KeyFunc(secret), stdjwt.SigningMethodHS256, kitjwt.MapClaimsFactory)
}

func claimsFrom(ctx context.Context) stdjwt.MapClaims {
	claims, _ := ctx.Value(kitjwt.JWTClaimsContextKey).(stdjwt.MapClaims)
	return claims
}

// Subject returns the authenticated user id, or "" for unauthenticated contexts.
func Subject(ctx context.Context) string {
	sub, _ := claimsFrom(ctx)["sub"].(string)
	return sub
}

func RequireScope(scope string) endpoint.Middleware {
	return func(next endpoint.Endpoint) endpoint.Endpoint {
		return func(ctx context.Context, request interface{}) (interface{}, error) {
			raw, _ := claimsFrom(ctx)["scope"].(string)
			for _, s := range strings.Fields(raw) {
				if s == scope || s == "fleet:admin" {
					return next(ctx, request)
				}
			}
			return nil, ErrForbidden
		}
	}
}

// DeviceKeyAuth protects the telemetry ingestion route used by in-vehicle units,
// which cannot obtain user JWTs.
func DeviceKeyAuth(expectedSHA256 []byte, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		presented := r.Header.Get("X-Device-Key")
		sum := sha256.Sum256([]byte(presented))
		if presented == "" || !bytes.Equal(sum[:], expectedSHA256) {
			http.Error(w, `{"error":"invalid device key"}`, http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
