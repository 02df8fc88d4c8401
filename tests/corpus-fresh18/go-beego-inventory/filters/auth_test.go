package filters

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/beego/beego/v2/server/web"
	"github.com/beego/beego/v2/server/web/context"
	"github.com/golang-jwt/jwt/v5"

	"github.com/northwind-logistics/inventory-api/models"
)

const testJWTSecret = "unit-test-jwt-secret-0123456789abcdef"

func newCtx(authHeader string) (*context.Context, *httptest.ResponseRecorder) {
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "/api/v1/items", nil)
	if authHeader != "" {
		r.Header.Set("Authorization", authHeader)
	}
	ctx := context.NewContext()
	ctx.Reset(w, r)
	return ctx, w
}

func signed(t *testing.T, claims Claims) string {
	t.Helper()
	s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(testJWTSecret))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func runFilter(f func(*context.Context), ctx *context.Context) (aborted bool) {
	defer func() {
		if r := recover(); r != nil {
			aborted = true
		}
	}()
	f(ctx)
	return false
}

func TestRequireToken(t *testing.T) {
	_ = web.AppConfig.Set("jwt_secret", testJWTSecret)
	_ = web.AppConfig.Set("service_token", "svc_unit_test")

	valid := signed(t, Claims{UserID: 7, Role: "clerk", Warehouses: []uint{1}, RegisteredClaims: jwt.RegisteredClaims{
		Issuer: "inventory-api", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour)),
	}})
	wrongIssuer := signed(t, Claims{UserID: 7, Role: "clerk", RegisteredClaims: jwt.RegisteredClaims{
		Issuer: "someone-else", ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour)),
	}})

	tests := []struct {
		name        string
		header      string
		wantAborted bool
		wantRole    string
	}{
		{"missing header", "", true, ""},
		{"valid jwt", "Bearer " + valid, false, "clerk"},
		{"wrong issuer", "Bearer " + wrongIssuer, true, ""},
		{"service token", "Bearer svc_unit_test", false, "service"},
		{"wrong service token", "Bearer svc_nope", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, _ := newCtx(tt.header)
			aborted := runFilter(RequireToken, ctx)
			if aborted != tt.wantAborted {
				t.Fatalf("aborted = %v, want %v", aborted, tt.wantAborted)
			}
			if !aborted {
				p := ctx.Input.GetData("principal").(*models.Principal)
				if p.Role != tt.wantRole {
					t.Errorf("role = %q, want %q", p.Role, tt.wantRole)
				}
			}
		})
	}
}

func TestRequireAdmin(t *testing.T) {
	ctx, _ := newCtx("")
	ctx.Input.SetData("principal", &models.Principal{Role: "clerk"})
	if !runFilter(RequireAdmin, ctx) {
		t.Error("clerk passed the admin filter")
	}
}
