package handlers

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/acme-retail/orders/internal/config"
	"github.com/acme-retail/orders/internal/middleware"
	"github.com/acme-retail/orders/internal/service"
)

// OrderService is the subset of service.Orders the HTTP layer needs.
type OrderService interface {
	List(ctx context.Context, tenant string, f service.Filter, limit int) ([]service.Order, error)
	Get(ctx context.Context, tenant, id string) (*service.Order, error)
	Create(ctx context.Context, tenant string, in service.NewOrder) (*service.Order, error)
	Delete(ctx context.Context, tenant, id string) error
	SetStatus(ctx context.Context, tenant, id, status string) error
}

type InvoiceMailer interface {
	SendInvoice(ctx context.Context, to, orderID, link string) error
}

type Handler struct {
	orders OrderService
	mailer InvoiceMailer
	cfg    *config.Config
}

func New(orders OrderService, mailer InvoiceMailer, cfg *config.Config) *Handler {
	return &Handler{orders: orders, mailer: mailer, cfg: cfg}
}

func tenantOf(c *gin.Context) string {
	if cl := middleware.ClaimsFrom(c); cl != nil {
		return cl.TenantID
	}
	return ""
}

func (h *Handler) ListOrders(c *gin.Context) {
	limit, err := strconv.Atoi(c.DefaultQuery("limit", "50"))
	if err != nil || limit < 1 {
		c.JSON(http.StatusBadRequest, gin.H{"error": "limit must be a positive integer"})
		return
	}
	limit = min(limit, h.cfg.MaxPageSize)
	f := service.Filter{Status: c.Query("status"), CustomerID: c.Query("customer_id")}
	orders, err := h.orders.List(c.Request.Context(), tenantOf(c), f, limit)
	if err != nil {
		_ = c.Error(err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"orders": orders})
}

func (h *Handler) GetOrder(c *gin.Context) {
	o, err := h.orders.Get(c.Request.Context(), tenantOf(c), c.Param("id"))
	switch {
	case errors.Is(err, service.ErrNotFound):
		c.JSON(http.StatusNotFound, gin.H{"error": "not found"})
	case err != nil:
		_ = c.Error(err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
	default:
		c.JSON(http.StatusOK, o)
	}
}

func (h *Handler) CreateOrder(c *gin.Context) {
	var in service.NewOrder
	if err := c.ShouldBindJSON(&in); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	o, err := h.orders.Create(c.Request.Context(), tenantOf(c), in)
	if err != nil {
		_ = c.Error(err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	c.JSON(http.StatusCreated, o)
}

func (h *Handler) RefundOrder(c *gin.Context) {
	c.JSON(http.StatusNotImplemented, gin.H{"error": "refunds not implemented"})
}

func (h *Handler) EmailInvoice(c *gin.Context) {
	// Invoice e-mail runs through the new billing pipeline, which is switched on per
	// environment. Until then we deliberately answer 501; the storefront hides the
	// button when it sees this status.
	if !h.cfg.InvoiceEmailEnabled {
		c.JSON(http.StatusNotImplemented, gin.H{"error": "invoice e-mail is disabled in this environment"})
		return
	}
	var body struct {
		To string `json:"to" binding:"required,email"`
	}
	if err := c.ShouldBindJSON(&body); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	o, err := h.orders.Get(c.Request.Context(), tenantOf(c), c.Param("id"))
	if errors.Is(err, service.ErrNotFound) {
		c.JSON(http.StatusNotFound, gin.H{"error": "not found"})
		return
	}
	if err != nil {
		_ = c.Error(err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	link := h.cfg.PublicURL + "/invoices/" + o.ID + ".pdf"
	if err := h.mailer.SendInvoice(c.Request.Context(), body.To, o.ID, link); err != nil {
		_ = c.Error(err)
		c.JSON(http.StatusBadGateway, gin.H{"error": "mail provider unavailable"})
		return
	}
	c.Status(http.StatusAccepted)
}

func (h *Handler) DeleteOrder(c *gin.Context) {
	err := h.orders.Delete(c.Request.Context(), tenantOf(c), c.Param("id"))
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
