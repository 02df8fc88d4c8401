package fleetlog

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	goa "goa.design/goa/v3/pkg"
	"goa.design/goa/v3/security"

	vehicles "github.com/northwind-logistics/fleetlog/gen/vehicles"
	"github.com/northwind-logistics/fleetlog/store"
)

var testKey = []byte("fleetlog-unit-test-key")

func newTestSvc() *vehiclessrvc {
	return &vehiclessrvc{cfg: Config{
		JWTKey:     testKey,
		Issuer:     "https://idp.test/",
		IngestKeys: map[string]string{"gw-7": "s3cret"},
	}}
}

func sign(t *testing.T, c Claims) string {
	t.Helper()
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(testKey)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func claims(scopes ...string) Claims {
	return Claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    "https://idp.test/",
			Subject:   "u-1",
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour)),
		},
		Scopes: scopes,
		Depot:  "LEEDS",
	}
}

func requireServiceError(t *testing.T, err error, name string) {
	t.Helper()
	var se *goa.ServiceError
	if !errors.As(err, &se) {
		t.Fatalf("expected goa.ServiceError %q, got %v", name, err)
	}
	if se.Name != name {
		t.Fatalf("expected error %q, got %q", name, se.Name)
	}
}

func TestJWTAuthRejectsMissingScope(t *testing.T) {
	s := newTestSvc()
	scheme := &security.JWTScheme{Name: "jwt", RequiredScopes: []string{"fleet:admin"}}
	_, err := s.JWTAuth(context.Background(), sign(t, claims("vehicles:read")), scheme)
	requireServiceError(t, err, "forbidden")
}

func TestJWTAuthAcceptsValidToken(t *testing.T) {
	s := newTestSvc()
	scheme := &security.JWTScheme{Name: "jwt", RequiredScopes: []string{"vehicles:read"}}
	ctx, err := s.JWTAuth(context.Background(), sign(t, claims("vehicles:read")), scheme)
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	if got := claimsFrom(ctx).Depot; got != "LEEDS" {
		t.Errorf("depot = %q, want LEEDS", got)
	}
}

func TestAPIKeyAuth(t *testing.T) {
	s := newTestSvc()
	cases := []struct {
		key  string
		want bool
	}{
		{"gw-7:s3cret", true},
		{"gw-7:wrong", false},
		{"gw-9:s3cret", false},
		{"nocolon", false},
	}
	for _, tc := range cases {
		_, err := s.APIKeyAuth(context.Background(), tc.key, &security.APIKeyScheme{Name: "ingest_key"})
		if (err == nil) != tc.want {
			t.Errorf("APIKeyAuth(%q) err = %v, want ok=%v", tc.key, err, tc.want)
		}
	}
}

func TestListFilterPinsDepotFromToken(t *testing.T) {
	other := "YORK"
	depot, retired := listFilter(&vehicles.ListPayload{Depot: &other, IncludeRetired: true}, &Claims{Depot: "LEEDS"})
	if depot != "LEEDS" || !retired {
		t.Fatalf("listFilter = (%q, %v)", depot, retired)
	}
}

func TestKmUntilService(t *testing.T) {
	v := &store.Vehicle{OdometerKm: 41_000, ServiceEvery: 20_000, LastServiceKm: 40_000, LastServiceAt: time.Now().AddDate(0, 0, -10)}
	for _, asOf := range []time.Time{time.Now(), time.Now().AddDate(0, 1, 0), time.Now().AddDate(0, 3, 0)} {
		km := kmUntilService(v, asOf)
		t.Logf("as of %s: %d km", asOf.Format(time.DateOnly), km)
	}
}
