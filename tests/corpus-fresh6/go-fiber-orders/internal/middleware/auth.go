package middleware

import (
	"errors"
	"log/slog"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"
)

type Claims struct {
	jwt.RegisteredClaims
	CustomerID string `json:"cid"`
	Role       string `json:"role"`
}

const claimsKey = "claims"

// RequireAuth validates the bearer JWT and stores the claims in Locals.
func RequireAuth(secret []byte) fiber.Handler {
	return func(c *fiber.Ctx) error {
		raw, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer ")
		if !ok || raw == "" {
			return fiber.NewError(fiber.StatusUnauthorized, "missing bearer token")
		}
		claims := &Claims{}
		_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
			return secret, nil
		}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired())
		if err != nil {
			slog.Debug("jwt rejected", "err", err)
			return fiber.NewError(fiber.StatusUnauthorized, "invalid token")
		}
		c.Locals(claimsKey, claims)
		return c.Next()
	}
}

// RequireAdmin must run after RequireAuth.
func RequireAdmin() fiber.Handler {
	return func(c *fiber.Ctx) error {
		claims, err := ClaimsFrom(c)
		if err != nil || claims.Role != "admin" {
			return fiber.NewError(fiber.StatusForbidden, "admin role required")
		}
		return c.Next()
	}
}

// RequireInternalKey protects service-to-service endpoints.
func RequireInternalKey(key string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if key == "" || c.Get("X-Internal-Key") != key {
			return fiber.NewError(fiber.StatusUnauthorized, "invalid internal key")
		}
		return c.Next()
	}
}

func ClaimsFrom(c *fiber.Ctx) (*Claims, error) {
	claims, ok := c.Locals(claimsKey).(*Claims)
	if !ok {
		return nil, errors.New("no claims on request")
	}
	return claims, nil
}
