package auth

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

const testServiceToken = "svc-test-token-000"

func introspectionServer(t *testing.T, active bool, roles []string) *httptest.Server {
	t.Helper()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if user, pass, ok := r.BasicAuth(); !ok || user != "billing-mcp" || pass != "introspect-test-secret" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		json.NewEncoder(w).Encode(map[string]any{
			"active":        active,
			"sub":           "agent-7",
			"exp":           time.Now().Add(time.Hour).Unix(),
			"billing_roles": roles,
		})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestActiveTokenResolvesRoles(t *testing.T) {
	srv := introspectionServer(t, true, []string{"support"})
	a := NewAuthenticator(srv.URL, "billing-mcp", "introspect-test-secret", testServiceToken)

	p, err := a.Authenticate(context.Background(), "user-token")
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != "agent-7" || !p.Has(RoleSupport) || p.Has(RoleBilling) {
		t.Fatalf("unexpected principal %+v", p)
	}
}

func TestInactiveTokenIsRejected(t *testing.T) {
	srv := introspectionServer(t, false, nil)
	a := NewAuthenticator(srv.URL, "billing-mcp", "introspect-test-secret", testServiceToken)
	if _, err := a.Authenticate(context.Background(), "user-token"); err == nil {
		t.Fatal("inactive token accepted")
	}
}

func TestMiddlewareRejectsMissingToken(t *testing.T) {
	a := NewAuthenticator("https://127.0.0.1:1/introspect", "billing-mcp", "x", testServiceToken)
	handler := a.Middleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Fatal("handler must not run")
	}))
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/mcp", nil))
	if rec.Code != http.StatusUnauthorized {
		t.Fatalf("status = %d", rec.Code)
	}
}

func TestServiceToken(t *testing.T) {
	a := NewAuthenticator("https://127.0.0.1:1/introspect", "billing-mcp", "x", testServiceToken)
	p, err := a.Authenticate(context.Background(), testServiceToken)
	if err != nil || !p.Has(RoleBilling) {
		t.Fatalf("service token: %+v, %v", p, err)
	}
}
