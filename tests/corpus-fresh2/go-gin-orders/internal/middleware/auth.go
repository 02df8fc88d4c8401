package middleware

import (
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

const claimsKey = "claims"

type Claims struct {
	TenantID string   `json:"tid"`
	Roles    []string `json:"roles"`
	jwt.RegisteredClaims
}

// ClaimsFrom returns the verified claims stored by RequireJWT.
func ClaimsFrom(c *gin.Context) *Claims {
	v, _ := c.Get(claimsKey)
	cl, _ := v.(*Claims)
	return cl
}

// RequireJWT verifies an HS256 bearer token and stores its claims on the context.
func RequireJWT(secret string) gin.HandlerFunc {
	key := []byte(secret)
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"HS256"}), jwt.WithLeeway(30*time.Second))
	return func(c *gin.Context) {
		raw, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		if !ok || raw == "" {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "missing bearer token"})
			return
		}
		claims := &Claims{}
		tok, err := parser.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
			return key, nil
		})
		if err != nil || !tok.Valid {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
			return
		}
		c.Set(claimsKey, claims)
		c.Next()
	}
}

// RequireRole aborts with 403 unless the verified JWT carries one of roles.
// It must run after RequireJWT.
func RequireRole(roles ...string) gin.HandlerFunc {
	return func(c *gin.Context) {
		cl := ClaimsFrom(c)
		if cl == nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "unauthenticated"})
			return
		}
		for _, r := range roles {
			if slices.Contains(cl.Roles, r) {
				c.Next()
				return
			}
		}
		c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": fmt.Sprintf("requires one of %v", roles)})
	}
}

// RequestLogger is a small structured access log.
func RequestLogger() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		slog.Info("request",
			"method", c.Request.Method,
			"path", c.FullPath(),
			"status", c.Writer.Status(),
			"dur_ms", time.Since(start).Milliseconds(),
		)
	}
}
