package api

import (
	"net/http"

	"github.com/acme/orders/internal/auth"
	"github.com/acme/orders/internal/store"
	"github.com/gin-gonic/gin"
)

func NewRouter(s *store.Store, v auth.Verifier, internalKey string) *gin.Engine {
	r := gin.New()
	r.GET("/metrics", auth.InternalOnly(internalKey), func(c *gin.Context) { c.String(http.StatusOK, "ok") })

	api := r.Group("/api", auth.AuthMiddleware(v))
	api.GET("/orders", func(c *gin.Context) {
		orders, err := s.ListOrders(c, c.Query("customer"), 50)
		if err != nil {
			c.AbortWithStatus(http.StatusInternalServerError)
			return
		}
		c.JSON(http.StatusOK, orders)
	})
	api.POST("/orders/:id/ship", func(c *gin.Context) {
		if err := s.MarkShipped(c, c.Param("id")); err != nil {
			c.AbortWithStatus(http.StatusInternalServerError)
			return
		}
		c.Status(http.StatusNoContent)
	})
	api.DELETE("/orders/:id", func(c *gin.Context) {
		_ = s.Archive(c, c.Param("id"))
		c.Status(http.StatusNoContent)
	})
	return r
}
