package filters

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"

	"github.com/beego/beego/v2/core/logs"
	"github.com/beego/beego/v2/server/web"
	"github.com/beego/beego/v2/server/web/context"
	"github.com/golang-jwt/jwt/v5"

	"github.com/northwind-logistics/inventory-api/models"
)

// ServiceTokenPrefix marks long-lived machine tokens (scanners, importers);
// user sessions use JWTs instead.
const ServiceTokenPrefix = "svc_"

type Claims struct {
	UserID     uint   `json:"uid"`
	Role       string `json:"role"`
	Warehouses []uint `json:"wh"`
	jwt.RegisteredClaims
}

func bearer(ctx *context.Context) string {
	h := ctx.Input.Header("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// JWTKey returns the session signing key; an unset key is a configuration
// error and must never fall back to an empty HMAC key.
func JWTKey() ([]byte, error) {
	key := web.AppConfig.DefaultString("jwt_secret", "")
	if len(key) < 32 {
		return nil, errors.New("jwt_secret is missing or shorter than 32 bytes")
	}
	return []byte(key), nil
}

// RequireToken accepts either a signed session JWT or a service token.
func RequireToken(ctx *context.Context) {
	token := bearer(ctx)
	if token == "" {
		ctx.Abort(http.StatusUnauthorized, `{"error":"missing token"}`)
		return
	}

	if strings.HasPrefix(token, ServiceTokenPrefix) {
		expected := web.AppConfig.DefaultString("service_token", "")
		if expected == "" || subtle.ConstantTimeCompare([]byte(token), []byte(expected)) != 1 {
			logs.Warn("rejected service token from %s", ctx.Input.IP())
			ctx.Abort(http.StatusUnauthorized, `{"error":"invalid token"}`)
			return
		}
		ctx.Input.SetData("principal", &models.Principal{Role: "service", Warehouses: nil, AllWarehouses: true})
		return
	}

	key, err := JWTKey()
	if err != nil {
		logs.Critical("token check: %v", err)
		ctx.Abort(http.StatusInternalServerError, `{"error":"server misconfigured"}`)
		return
	}
	claims := &Claims{}
	parsed, err := jwt.ParseWithClaims(token, claims, func(t *jwt.Token) (any, error) {
		return key, nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer("inventory-api"))
	if err != nil || !parsed.Valid {
		ctx.Abort(http.StatusUnauthorized, `{"error":"invalid token"}`)
		return
	}
	ctx.Input.SetData("principal", &models.Principal{
		UserID:        claims.UserID,
		Role:          claims.Role,
		Warehouses:    claims.Warehouses,
		AllWarehouses: claims.Role == "admin",
	})
}

// RequireAdmin must run after RequireToken.
func RequireAdmin(ctx *context.Context) {
	p, ok := ctx.Input.GetData("principal").(*models.Principal)
	if !ok || p.Role != "admin" {
		ctx.Abort(http.StatusForbidden, `{"error":"admin only"}`)
	}
}
