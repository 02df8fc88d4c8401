package middleware

import (
	"strings"

	"github.com/goravel/framework/contracts/http"
	"github.com/goravel/framework/facades"

	"clinic/app/models"
)

// Jwt authenticates the bearer token and stores the user on the context.
func Jwt() http.Middleware {
	return func(ctx http.Context) {
		token := strings.TrimPrefix(ctx.Request().Header("Authorization", ""), "Bearer ")
		if token == "" {
			ctx.Request().AbortWithStatusJson(http.StatusUnauthorized, http.Json{"error": "missing token"})
			return
		}
		if _, err := facades.Auth(ctx).Parse(token); err != nil {
			ctx.Request().AbortWithStatusJson(http.StatusUnauthorized, http.Json{"error": "invalid token"})
			return
		}
		var user models.User
		if err := facades.Auth(ctx).User(&user); err != nil || user.ID == 0 {
			ctx.Request().AbortWithStatusJson(http.StatusUnauthorized, http.Json{"error": "unknown user"})
			return
		}
		ctx.WithValue("user", user)
		ctx.Request().Next()
	}
}

// Role lets the request through only for users holding one of roles.
func Role(roles ...string) http.Middleware {
	return func(ctx http.Context) {
		user, ok := ctx.Value("user").(models.User)
		if !ok {
			ctx.Request().AbortWithStatusJson(http.StatusUnauthorized, http.Json{"error": "unauthenticated"})
			return
		}
		for _, r := range roles {
			if user.Role == r {
				ctx.Request().Next()
				return
			}
		}
		ctx.Request().AbortWithStatusJson(http.StatusForbidden, http.Json{"error": "forbidden"})
	}
}
