package middleware

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// APIKeyAuth protects machine-to-machine routes with a static shared key
// sent as X-Internal-Key.
func APIKeyAuth(expected string) gin.HandlerFunc {
	return func(c *gin.Context) {
		got := c.GetHeader("X-Internal-Key")
		if expected == "" || got != expected {
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "unauthorized"})
			return
		}
		c.Next()
	}
}
