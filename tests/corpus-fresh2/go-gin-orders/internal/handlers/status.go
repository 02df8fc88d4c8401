package handlers

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/acme-retail/orders/internal/service"
)

func (h *Handler) setStatus(c *gin.Context, tenant, status string) {
	err := h.orders.SetStatus(c.Request.Context(), tenant, c.Param("id"), status)
	if errors.Is(err, service.ErrNotFound) {
		c.JSON(http.StatusNotFound, gin.H{"error": "not found"})
		return
	}
	if err != nil {
		_ = c.Error(err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.Status(http.StatusNoContent)
}

// CancelOrder is the back-office override; it skips the customer-facing checks.
func (h *Handler) CancelOrder(c *gin.Context) {
	h.setStatus(c, tenantOf(c), "cancelled")
}

// MarkShipped is called by the warehouse system, which is not tenant-scoped by JWT.
func (h *Handler) MarkShipped(c *gin.Context) {
	h.setStatus(c, c.Query("tenant"), "shipped")
}
