package api

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/acme/tenant-api/internal/billing"
	"github.com/acme/tenant-api/internal/store"
)

type Handler struct {
	store         store.TenantStore
	billing       *billing.Client
	webhookSecret []byte
}

func (h *Handler) Health(c echo.Context) error {
	return c.NoContent(http.StatusNoContent)
}

func (h *Handler) ListTenants(c echo.Context) error {
	includeSuspended, _ := strconv.ParseBool(c.QueryParam("include_suspended"))
	tenants, err := h.store.ListTenants(c.Request().Context(), includeSuspended)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, tenants)
}

func (h *Handler) GetTenant(c echo.Context) error {
	t, err := h.store.GetTenant(c.Request().Context(), c.Param("id"))
	if errors.Is(err, store.ErrNotFound) {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, t)
}

func (h *Handler) TenantUsage(c echo.Context) error {
	u, err := h.billing.Usage(c.Request().Context(), c.Param("id"))
	if err != nil {
		c.Logger().Errorf("billing usage for %s: %v", c.Param("id"), err)
		return echo.NewHTTPError(http.StatusBadGateway, "billing unavailable")
	}
	return c.JSON(http.StatusOK, u)
}

func (h *Handler) ExportTenant(c echo.Context) error {
	return c.JSON(http.StatusNotImplemented, map[string]string{"error": "export not implemented"})
}

func (h *Handler) SuspendTenant(c echo.Context) error {
	err := h.store.SuspendTenant(c.Request().Context(), c.Param("id"), actor(c))
	if errors.Is(err, store.ErrNotFound) {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	if err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (h *Handler) DeleteTenant(c echo.Context) error {
	if err := h.store.DeleteTenant(c.Request().Context(), c.Param("id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
