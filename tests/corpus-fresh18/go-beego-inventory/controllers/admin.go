package controllers

import (
	"context"
	"net/http"
	"time"

	"github.com/beego/beego/v2/core/logs"

	"github.com/northwind-logistics/inventory-api/models"
	"github.com/northwind-logistics/inventory-api/services"
)

type AdminController struct {
	BaseController
}

func (c *AdminController) ListUsers() {
	limit, offset := c.paginate()
	var users []models.User
	if err := models.DB.Select("id", "email", "role", "created_at").Order("id").Limit(limit).Offset(offset).Find(&users).Error; err != nil {
		c.fail(http.StatusInternalServerError, "query failed")
		return
	}
	c.respond(http.StatusOK, users)
}

// Reconcile compares book stock against the ERP's ledger.
func (c *AdminController) Reconcile() {
	c.CustomAbort(http.StatusNotImplemented, `{"error":"reconciliation is not available yet"}`)
}

// SyncSupplier refreshes cost prices for every item sourced from a supplier.
func (c *AdminController) SyncSupplier() {
	sid, _ := c.GetUint64(":id")
	var supplier models.Supplier
	if err := models.DB.First(&supplier, sid).Error; err != nil {
		c.fail(http.StatusNotFound, "supplier not found")
		return
	}

	var items []models.Item
	if err := models.DB.Where("supplier_id = ?", supplier.ID).Find(&items).Error; err != nil {
		c.fail(http.StatusInternalServerError, "query failed")
		return
	}

	ctx, cancel := context.WithTimeout(c.Ctx.Request.Context(), 2*time.Minute)
	defer cancel()

	client := services.NewSupplierClient(supplier.APIBaseURL, supplier.AccountID)
	updated := 0
	for _, item := range items {
		price, err := client.FetchPrice(ctx, item.SKU, supplier.Currency)
		if err != nil {
			logs.Error("supplier %d price for %s: %v", supplier.ID, item.SKU, err)
			c.fail(http.StatusBadGateway, "supplier API error")
			return
		}
		if err := models.DB.Model(&item).Update("unit_cost_cents", price.AmountCents).Error; err != nil {
			c.fail(http.StatusInternalServerError, "update failed")
			return
		}
		updated++
	}
	c.respond(http.StatusOK, map[string]int{"updated": updated})
}
