package controllers

import (
	"net/http"

	"github.com/beego/beego/v2/core/logs"
	"gorm.io/gorm"

	"github.com/northwind-logistics/inventory-api/models"
	"github.com/northwind-logistics/inventory-api/services"
)

type StockController struct {
	BaseController
}

type adjustInput struct {
	ItemID uint   `json:"item_id"`
	Delta  int    `json:"delta"`
	Reason string `json:"reason"`
}

type transferInput struct {
	ItemID    uint `json:"item_id"`
	Quantity  int  `json:"quantity"`
	ToWarehID uint `json:"to_warehouse_id"`
}

func (c *StockController) warehouseID() uint {
	wid, _ := c.GetUint64(":wid")
	return uint(wid)
}

func (c *StockController) List() {
	wid := c.warehouseID()
	c.requireWarehouse(wid)

	var levels []models.StockLevel
	if err := models.DB.Preload("Item").Where("warehouse_id = ?", wid).Find(&levels).Error; err != nil {
		c.fail(http.StatusInternalServerError, "query failed")
		return
	}
	c.respond(http.StatusOK, levels)
}

func (c *StockController) Adjust() {
	wid := c.warehouseID()
	c.requireWarehouse(wid)

	var in adjustInput
	if !c.decode(&in) {
		return
	}
	if in.Delta == 0 || in.Reason == "" {
		c.fail(http.StatusUnprocessableEntity, "delta and reason are required")
		return
	}

	var level models.StockLevel
	err := models.DB.Transaction(func(tx *gorm.DB) error {
		if err := models.ApplyDelta(tx, wid, in.ItemID, in.Delta, &level); err != nil {
			return err
		}
		_ = models.RecordMovement(tx, models.Movement{
			WarehouseID: wid,
			ItemID:      in.ItemID,
			Delta:       in.Delta,
			Reason:      in.Reason,
			ActorID:     c.principal().UserID,
		})
		return nil
	})
	if err != nil {
		logs.Error("stock adjust wh=%d item=%d: %v", wid, in.ItemID, err)
		c.fail(http.StatusConflict, err.Error())
		return
	}
	services.CheckReorder(level)
	c.respond(http.StatusOK, level)
}

func (c *StockController) Transfer() {
	from := c.warehouseID()

	var in transferInput
	if !c.decode(&in) {
		return
	}
	if in.Quantity <= 0 || in.ToWarehID == 0 || in.ToWarehID == from {
		c.fail(http.StatusUnprocessableEntity, "invalid transfer")
		return
	}
	c.requireWarehouse(in.ToWarehID)

	err := models.DB.Transaction(func(tx *gorm.DB) error {
		var src, dst models.StockLevel
		if err := models.ApplyDelta(tx, from, in.ItemID, -in.Quantity, &src); err != nil {
			return err
		}
		if err := models.ApplyDelta(tx, in.ToWarehID, in.ItemID, in.Quantity, &dst); err != nil {
			return err
		}
		actor := c.principal().UserID
		if err := models.RecordMovement(tx, models.Movement{WarehouseID: from, ItemID: in.ItemID, Delta: -in.Quantity, Reason: "transfer-out", ActorID: actor}); err != nil {
			return err
		}
		return models.RecordMovement(tx, models.Movement{WarehouseID: in.ToWarehID, ItemID: in.ItemID, Delta: in.Quantity, Reason: "transfer-in", ActorID: actor})
	})
	if err != nil {
		c.fail(http.StatusConflict, err.Error())
		return
	}
	c.respond(http.StatusOK, map[string]any{"moved": in.Quantity})
}

// BulkAdjust applies a cycle-count file: absolute quantities per item.
func (c *StockController) BulkAdjust() {
	var rows []struct {
		WarehouseID uint `json:"warehouse_id"`
		ItemID      uint `json:"item_id"`
		Counted     int  `json:"counted"`
	}
	if !c.decode(&rows) {
		return
	}
	err := models.DB.Transaction(func(tx *gorm.DB) error {
		for _, r := range rows {
			if err := models.SetQuantity(tx, r.WarehouseID, r.ItemID, r.Counted); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		c.fail(http.StatusConflict, err.Error())
		return
	}
	c.respond(http.StatusOK, map[string]int{"applied": len(rows)})
}
