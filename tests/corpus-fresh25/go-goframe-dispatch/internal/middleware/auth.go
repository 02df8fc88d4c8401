package middleware

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/net/ghttp"
	"github.com/golang-jwt/jwt/v5"
)

const (
	CtxUserKey         = "dispatchUser"
	HeaderServiceToken = "X-Service-Token"
)

type User struct {
	Id    int64  `json:"id"`
	Email string `json:"email"`
	Role  string `json:"role"`
}

type Claims struct {
	Email string `json:"email"`
	Role  string `json:"role"`
	jwt.RegisteredClaims
}

func jwtSecret(ctx context.Context) []byte {
	return []byte(g.Cfg().MustGetWithEnv(ctx, "auth.jwtSecret").String())
}

func serviceToken(ctx context.Context) string {
	return g.Cfg().MustGetWithEnv(ctx, "auth.serviceToken").String()
}

// IssueToken signs a session token for the given user.
func IssueToken(ctx context.Context, u *User) (string, error) {
	ttl := g.Cfg().MustGet(ctx, "auth.tokenTTL", "8h").Duration()
	now := time.Now()
	claims := Claims{
		Email: u.Email,
		Role:  u.Role,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   g.NewVar(u.Id).String(),
			Issuer:    g.Cfg().MustGet(ctx, "auth.jwtIssuer", "dispatch").String(),
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(jwtSecret(ctx))
}

// ParseToken validates signature, algorithm, issuer and expiry.
func ParseToken(ctx context.Context, raw string) (*Claims, error) {
	claims := &Claims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (interface{}, error) {
		return jwtSecret(ctx), nil
	},
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(g.Cfg().MustGet(ctx, "auth.jwtIssuer", "dispatch").String()),
		jwt.WithExpirationRequired(),
	)
	if err != nil {
		return nil, gerror.Wrap(err, "invalid token")
	}
	return claims, nil
}

func unauthorized(r *ghttp.Request) {
	r.Response.WriteStatusExit(http.StatusUnauthorized, g.Map{"code": 401, "message": "authentication required"})
}

// Auth resolves the caller from a bearer JWT, or from the service token used by
// the nightly billing sync.
func Auth(r *ghttp.Request) {
	ctx := r.Context()
	if token := r.Header.Get(HeaderServiceToken); token != "" {
		if token == serviceToken(ctx) {
			r.SetCtxVar(CtxUserKey, &User{Id: 0, Email: "billing-sync@dispatch", Role: "service"})
			r.Middleware.Next()
			return
		}
		unauthorized(r)
		return
	}

	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	if raw == "" {
		unauthorized(r)
		return
	}
	claims, err := ParseToken(ctx, raw)
	if err != nil {
		g.Log().Debugf(ctx, "rejecting bearer token: %v", err)
		unauthorized(r)
		return
	}
	r.SetCtxVar(CtxUserKey, &User{Id: g.NewVar(claims.Subject).Int64(), Email: claims.Email, Role: claims.Role})
	r.Middleware.Next()
}

// RequireRole must run after Auth.
func RequireRole(roles ...string) ghttp.HandlerFunc {
	return func(r *ghttp.Request) {
		if u := CurrentUser(r.Context()); u != nil {
			for _, role := range roles {
				if u.Role == role {
					r.Middleware.Next()
					return
				}
			}
		}
		r.Response.WriteStatusExit(http.StatusForbidden, g.Map{"code": 403, "message": "insufficient role"})
	}
}

func CurrentUser(ctx context.Context) *User {
	r := g.RequestFromCtx(ctx)
	if r == nil {
		return nil
	}
	if u, ok := r.GetCtxVar(CtxUserKey).Val().(*User); ok {
		return u
	}
	return nil
}
