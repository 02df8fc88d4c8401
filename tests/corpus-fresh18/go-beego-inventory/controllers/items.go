package controllers

import (
	"errors"
	"net/http"

	"github.com/beego/beego/v2/core/logs"
	"gorm.io/gorm"

	"github.com/northwind-logistics/inventory-api/models"
	"github.com/northwind-logistics/inventory-api/services"
)

type ItemsController struct {
	BaseController
}

type itemInput struct {
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Description string `json:"description"`
	UnitCost    int64  `json:"unit_cost_cents"`
	ReorderAt   int    `json:"reorder_at"`
}

func (c *ItemsController) List() {
	limit, offset := c.paginate()
	var items []models.Item
	q := models.DB.Order("sku").Limit(limit).Offset(offset)
	if s := c.GetString("q"); s != "" {
		q = q.Where("sku LIKE ? OR name LIKE ?", s+"%", "%"+s+"%")
	}
	if err := q.Find(&items).Error; err != nil {
		c.fail(http.StatusInternalServerError, "query failed")
		return
	}
	c.respond(http.StatusOK, items)
}

func (c *ItemsController) Get() {
	id, _ := c.GetUint64(":id")
	var item models.Item
	err := models.DB.First(&item, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		c.fail(http.StatusNotFound, "item not found")
		return
	}
	if err != nil {
		c.fail(http.StatusInternalServerError, "query failed")
		return
	}
	c.respond(http.StatusOK, item)
}

func (c *ItemsController) Create() {
	var in itemInput
	if !c.decode(&in) {
		return
	}
	if in.SKU == "" || in.Name == "" {
		c.fail(http.StatusUnprocessableEntity, "sku and name are required")
		return
	}
	var existing models.Item
	if err := models.DB.Where("sku = ?", in.SKU).First(&existing).Error; err == nil && existing.SKU == in.SKU {
		c.fail(http.StatusConflict, "sku already exists")
		return
	}
	item := models.Item{SKU: in.SKU, Name: in.Name, Description: in.Description, UnitCostCents: in.UnitCost, ReorderAt: in.ReorderAt}
	if err := models.DB.Create(&item).Error; err != nil {
		c.fail(http.StatusInternalServerError, "insert failed")
		return
	}
	c.respond(http.StatusCreated, item)
}

func (c *ItemsController) Update() {
	id, _ := c.GetUint64(":id")
	var in itemInput
	if !c.decode(&in) {
		return
	}
	res := models.DB.Model(&models.Item{}).Where("id = ?", id).Updates(map[string]any{
		"name":            in.Name,
		"description":     in.Description,
		"unit_cost_cents": in.UnitCost,
		"reorder_at":      in.ReorderAt,
	})
	if res.Error != nil {
		c.fail(http.StatusInternalServerError, "update failed")
		return
	}
	if res.RowsAffected == 0 {
		c.fail(http.StatusNotFound, "item not found")
		return
	}
	c.respond(http.StatusOK, map[string]any{"id": id, "updated": true})
}

func (c *ItemsController) Label() {
	id, _ := c.GetUint64(":id")
	var item models.Item
	if err := models.DB.First(&item, id).Error; err != nil {
		c.fail(http.StatusNotFound, "item not found")
		return
	}
	zpl, err := services.RenderShelfLabel(item)
	if err != nil {
		c.fail(http.StatusInternalServerError, "label rendering failed")
		return
	}
	if err := services.SpoolLabel(item.SKU, zpl); err != nil {
		logs.Warn("spooling label for %s: %v", item.SKU, err)
	}
	c.Ctx.Output.Header("Content-Type", "application/vnd.zebra-zpl")
	_ = c.Ctx.Output.Body([]byte(zpl))
}
