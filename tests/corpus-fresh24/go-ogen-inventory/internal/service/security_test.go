package service

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/acme/inventory/api"
)

const (
	testSecret = "unit-test-signing-key-not-for-prod"
	testIssuer = "https://id.test.invalid"
)

func signToken(t *testing.T, role, issuer string, ttl time.Duration) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims{
		Role: role,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   "u-42",
			Issuer:    issuer,
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(ttl)),
		},
	})
	s, err := tok.SignedString([]byte(testSecret))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func checkErr(t *testing.T, got, want error) {
	t.Helper()
	if !errors.Is(got, want) {
		t.Fatalf("err = %v, want %v", got, want)
	}
}

func TestHandleBearerAuth(t *testing.T) {
	sec := NewSecurity(testSecret, testIssuer, nil, "")
	tests := []struct {
		name    string
		token   string
		wantErr error
	}{
		{"valid operator", signToken(t, roleOperator, testIssuer, time.Hour), nil},
		{"expired", signToken(t, roleOperator, testIssuer, -time.Minute), errUnauthenticated},
		{"foreign issuer", signToken(t, roleAdmin, "https://evil.example", time.Hour), errUnauthenticated},
		{"unknown role", signToken(t, "root", testIssuer, time.Hour), errForbidden},
		{"garbage", "not.a.jwt", errUnauthenticated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sec.HandleBearerAuth(context.Background(), api.ListItemsOperation, api.BearerAuth{Token: tt.token})
			checkErr(t, err, tt.wantErr)
		})
	}
}

func TestHandleApiKey(t *testing.T) {
	sec := NewSecurity(testSecret, testIssuer, map[string]string{"scanner-01": "k1"}, "")
	ctx, err := sec.HandleApiKey(context.Background(), api.IngestScansOperation, api.ApiKey{APIKey: "scanner-01:k1"})
	if err != nil {
		t.Fatalf("valid key rejected: %v", err)
	}
	if p, _ := PrincipalFrom(ctx); p.DeviceID != "scanner-01" {
		t.Fatalf("device = %q", p.DeviceID)
	}
	if _, err := sec.HandleApiKey(context.Background(), api.IngestScansOperation, api.ApiKey{APIKey: "scanner-01:nope"}); err == nil {
		t.Fatal("wrong key accepted")
	}
}

func TestMetricsAuth(t *testing.T) {
	sec := NewSecurity(testSecret, testIssuer, nil, "scrape-me")
	h := sec.MetricsAuth(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("anonymous scrape: %d", rec.Code)
	}
}

func TestServerRejectsMissingBearer(t *testing.T) {
	srv, err := api.NewServer(&Handler{}, NewSecurity(testSecret, testIssuer, nil, ""), api.WithPathPrefix("/v1"))
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/items", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status = %d", rec.Code)
	}
}
