package service

import (
	"bytes"
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"

	"github.com/acme/inventory/api"
)

const (
	roleViewer   = "viewer"
	roleOperator = "operator"
	roleAdmin    = "admin"
	roleDevice   = "device"
)

var (
	errUnauthenticated = errors.New("unauthenticated")
	errForbidden       = errors.New("forbidden")
)

type Principal struct {
	Subject  string
	Role     string
	DeviceID string
}

type principalKey struct{}

func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

func PrincipalFrom(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}

type claims struct {
	Role string `json:"role"`
	jwt.RegisteredClaims
}

type Security struct {
	jwtKey      []byte
	issuer      string
	deviceKeys  map[string][]byte
	scrapeToken []byte
}

var _ api.SecurityHandler = (*Security)(nil)

func NewSecurity(jwtSecret, issuer string, deviceKeys map[string]string, scrapeToken string) *Security {
	keys := make(map[string][]byte, len(deviceKeys))
	for id, k := range deviceKeys {
		keys[id] = []byte(k)
	}
	return &Security{jwtKey: []byte(jwtSecret), issuer: issuer, deviceKeys: keys, scrapeToken: []byte(scrapeToken)}
}

func (s *Security) HandleBearerAuth(ctx context.Context, operationName api.OperationName, t api.BearerAuth) (context.Context, error) {
	var c claims
	_, err := jwt.ParseWithClaims(t.Token, &c, func(*jwt.Token) (any, error) { return s.jwtKey, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}), jwt.WithExpirationRequired())
	if err != nil {
		return ctx, errUnauthenticated
	}
	if c.Issuer != s.issuer {
		return ctx, errUnauthenticated
	}
	switch c.Role {
	case roleViewer, roleOperator, roleAdmin:
	default:
		return ctx, errForbidden
	}
	return WithPrincipal(ctx, Principal{Subject: c.Subject, Role: c.Role}), nil
}

// HandleApiKey authenticates warehouse scanners. Keys look like "<device id>:<secret>".
func (s *Security) HandleApiKey(ctx context.Context, operationName api.OperationName, t api.ApiKey) (context.Context, error) {
	deviceID, secret, ok := strings.Cut(t.APIKey, ":")
	if !ok {
		return ctx, errUnauthenticated
	}
	expected, known := s.deviceKeys[deviceID]
	if !known || !bytes.Equal([]byte(secret), expected) {
		return ctx, errUnauthenticated
	}
	return WithPrincipal(ctx, Principal{Subject: "device:" + deviceID, Role: roleDevice, DeviceID: deviceID}), nil
}

// MetricsAuth guards /metrics, which is served outside the generated router.
func (s *Security) MetricsAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if len(s.scrapeToken) == 0 || subtle.ConstantTimeCompare([]byte(token), s.scrapeToken) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
