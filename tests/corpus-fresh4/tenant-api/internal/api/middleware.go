package api

import (
	"net/http"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/labstack/echo/v4"
)

type Claims struct {
	Roles []string `json:"roles"`
	jwt.RegisteredClaims
}

// JWTAuth validates the bearer token and stores the claims under "claims".
func JWTAuth(key []byte) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			raw := strings.TrimPrefix(c.Request().Header.Get(echo.HeaderAuthorization), "Bearer ")
			claims := &Claims{}
			_, err := jwt.ParseWithClaims(raw, claims, func(*jwt.Token) (any, error) { return key, nil },
				jwt.WithValidMethods([]string{"HS256"}))
			if err != nil {
				return echo.NewHTTPError(http.StatusUnauthorized, "invalid token")
			}
			c.Set("claims", claims)
			return next(c)
		}
	}
}

// RequireAdmin rejects callers whose token lacks the platform-admin role.
func RequireAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		claims, ok := c.Get("claims").(*Claims)
		if !ok {
			return echo.NewHTTPError(http.StatusUnauthorized)
		}
		for _, r := range claims.Roles {
			if r == "platform-admin" {
				return next(c)
			}
		}
		return echo.NewHTTPError(http.StatusForbidden, "platform-admin role required")
	}
}

func actor(c echo.Context) string {
	if claims, ok := c.Get("claims").(*Claims); ok {
		return claims.Subject
	}
	return "unknown"
}
