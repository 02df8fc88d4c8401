package controllers

import (
	"encoding/json"
	"net/http"
	"slices"

	"github.com/beego/beego/v2/core/logs"
	"github.com/beego/beego/v2/server/web"

	"github.com/northwind-logistics/inventory-api/models"
)

type BaseController struct {
	web.Controller
}

type errorBody struct {
	Error string `json:"error"`
}

func (c *BaseController) respond(status int, v any) {
	c.Ctx.Output.SetStatus(status)
	c.Data["json"] = v
	if err := c.ServeJSON(); err != nil {
		logs.Warn("writing response: %v", err)
	}
}

func (c *BaseController) fail(status int, msg string) {
	c.respond(status, errorBody{Error: msg})
	c.StopRun()
}

func (c *BaseController) decode(dst any) bool {
	if err := json.Unmarshal(c.Ctx.Input.RequestBody, dst); err != nil {
		c.fail(http.StatusBadRequest, "invalid JSON body")
		return false
	}
	return true
}

func (c *BaseController) principal() *models.Principal {
	p, _ := c.Ctx.Input.GetData("principal").(*models.Principal)
	return p
}

// requireWarehouse stops the request unless the caller may act on warehouse wid.
func (c *BaseController) requireWarehouse(wid uint) {
	p := c.principal()
	if p == nil {
		c.fail(http.StatusUnauthorized, "unauthenticated")
		return
	}
	if p.AllWarehouses || slices.Contains(p.Warehouses, wid) {
		return
	}
	logs.Warn("user %d denied access to warehouse %d", p.UserID, wid)
	c.fail(http.StatusForbidden, "no access to this warehouse")
}

func (c *BaseController) paginate() (limit, offset int) {
	limit, _ = c.GetInt("limit", 50)
	offset, _ = c.GetInt("offset", 0)
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	if offset < 0 {
		offset = 0
	}
	return limit, offset
}

type HealthController struct {
	BaseController
}

func (c *HealthController) Get() {
	c.respond(http.StatusOK, map[string]string{"status": "ok"})
}
