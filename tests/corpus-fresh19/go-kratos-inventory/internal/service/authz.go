package service

import (
	"context"

	"github.com/go-kratos/kratos/v2/errors"
	"github.com/go-kratos/kratos/v2/middleware/auth/jwt"
	"github.com/go-kratos/kratos/v2/transport/http"
	jwtv5 "github.com/golang-jwt/jwt/v5"
)

const RoleAdmin = "admin"

// Claims are issued by the identity provider and carried in the bearer token.
type Claims struct {
	Role      string `json:"role"`
	Warehouse string `json:"wh"`
	jwtv5.RegisteredClaims
}

var ErrForbidden = errors.Forbidden("FORBIDDEN", "insufficient role")

func claimsFrom(ctx context.Context) (*Claims, bool) {
	raw, ok := jwt.FromContext(ctx)
	if !ok {
		return nil, false
	}
	c, ok := raw.(*Claims)
	return c, ok
}

func requireAdmin(ctx context.Context) (*Claims, error) {
	c, ok := claimsFrom(ctx)
	if !ok {
		return nil, errors.Unauthorized("UNAUTHORIZED", "missing token")
	}
	if c.Role != RoleAdmin {
		return nil, ErrForbidden
	}
	return c, nil
}

// invoke runs fn through the server middleware chain (recovery, logging, auth) and writes the result.
func invoke(ctx http.Context, fn func(context.Context) (interface{}, error)) error {
	h := ctx.Middleware(func(c context.Context, _ interface{}) (interface{}, error) {
		return fn(c)
	})
	out, err := h(ctx, nil)
	if err != nil {
		return err
	}
	return ctx.Result(200, out)
}
