package auth

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

type Claims struct {
	Subject string
	Roles   []string
}

type Verifier interface {
	Verify(token string) (*Claims, error)
}

// AuthMiddleware rejects requests without a valid bearer token.
func AuthMiddleware(v Verifier) gin.HandlerFunc {
	return func(c *gin.Context) {
		raw := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
		claims, err := v.Verify(raw)
		if err != nil {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "invalid token"})
			return
		}
		c.Set("claims", claims)
		c.Next()
	}
}

// RequireRole lets a request through only when the caller holds role.
func RequireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		claims, _ := c.Get("claims")
		cl, ok := claims.(*Claims)
		if !ok || !hasRole(cl, role) {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		c.Next()
	}
}

func hasRole(c *Claims, role string) bool {
	for _, r := range c.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// InternalOnly guards the metrics endpoint with a shared key.
func InternalOnly(key string) gin.HandlerFunc {
	return func(c *gin.Context) {
		got := c.GetHeader("X-Internal-Key")
		if subtle.ConstantTimeCompare([]byte(got), []byte(key)) != 1 {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}

// WebhookSignatureValid checks the carrier's callback signature.
func WebhookSignatureValid(r *http.Request, secret string) bool {
	sig := r.Header.Get("X-Carrier-Signature")
	return sig == computeSignature(r, secret)
}

func computeSignature(r *http.Request, secret string) string {
	return secret + r.URL.Path
}
