package controllers

import (
	"time"

	"github.com/revel/revel"

	"github.com/harbourmed/clinic/app/db"
	"github.com/harbourmed/clinic/app/models"
)

// Billing manages insurer claims raised from completed appointments.
type Billing struct {
	App
}

func (c Billing) Submit(id uint) revel.Result {
	now := time.Now()
	res := db.DB.Model(&models.Claim{}).
		Where("id = ? AND status = ?", id, "draft").
		Updates(map[string]interface{}{"status": "submitted", "submitted_at": now})
	if res.Error != nil {
		return c.RenderError(res.Error)
	}
	if res.RowsAffected == 0 {
		return c.NotFound("No draft claim %d", id)
	}
	c.Log.Info("claim submitted", "claim", id)
	return c.RenderJSON(map[string]interface{}{"id": id, "status": "submitted"})
}

func (c Billing) Void(id uint) revel.Result {
	now := time.Now()
	res := db.DB.Model(&models.Claim{}).
		Where("id = ? AND status <> ?", id, "void").
		Updates(map[string]interface{}{"status": "void", "voided_at": now})
	if res.Error != nil {
		return c.RenderError(res.Error)
	}
	c.Log.Warn("claim voided", "claim", id)
	return c.RenderJSON(map[string]interface{}{"id": id, "status": "void"})
}
