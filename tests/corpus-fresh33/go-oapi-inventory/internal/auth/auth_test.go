package auth

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	testSecret = "test-jwt-secret-not-used-anywhere-else"
	testIssuer = "https://auth.test"
)

func token(t *testing.T, issuer, scope string) string {
	claims := Claims{Scope: scope, RegisteredClaims: jwt.RegisteredClaims{
		Subject: "u-1", Issuer: issuer, ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour)),
	}}
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(testSecret))
	require.NoError(t, err)
	return s
}

func input(tok string, scopes ...string) *openapi3filter.AuthenticationInput {
	req := httptest.NewRequest("GET", "/v1/items", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	return &openapi3filter.AuthenticationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req},
		SecuritySchemeName:     "BearerAuth",
		Scopes:                 scopes,
	}
}

func TestAuthenticateScopes(t *testing.T) {
	a := NewAuthenticator(testSecret, testIssuer, "test-erp-key")
	require.NoError(t, a.Authenticate(context.Background(), input(token(t, testIssuer, "inventory:read inventory:write"), "inventory:write")))
	err := a.Authenticate(context.Background(), input(token(t, testIssuer, "inventory:read"), "inventory:write"))
	assert.ErrorIs(t, err, ErrInsufficient)
}
