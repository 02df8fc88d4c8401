package controllers

import (
	"strconv"

	"github.com/revel/revel"
	"golang.org/x/crypto/bcrypt"

	"github.com/harbourmed/clinic/app/db"
	"github.com/harbourmed/clinic/app/models"
)

// App is embedded by every controller; on its own it serves the login
// pages, which must be reachable without a session.
type App struct {
	*revel.Controller
}

const sessionStaffKey = "staff_id"

// currentStaff returns the signed-in staff member, or nil.
func currentStaff(c *revel.Controller) *models.Staff {
	if s, ok := c.ViewArgs["staff"].(*models.Staff); ok {
		return s
	}
	raw, ok := c.Session[sessionStaffKey]
	if !ok {
		return nil
	}
	id, err := strconv.ParseUint(raw.(string), 10, 64)
	if err != nil {
		return nil
	}
	var staff models.Staff
	if err := db.DB.Where("active = ?", true).First(&staff, id).Error; err != nil {
		return nil
	}
	c.ViewArgs["staff"] = &staff
	return &staff
}

// requireLogin is registered with revel.InterceptFunc in init.go.
func requireLogin(c *revel.Controller) revel.Result {
	if currentStaff(c) == nil {
		c.Flash.Error("Please sign in first.")
		return c.Redirect("/login")
	}
	return nil
}

func (c App) Login() revel.Result {
	return c.Render()
}

func (c App) DoLogin(email, password string) revel.Result {
	var staff models.Staff
	err := db.DB.Where("email = ? AND active = ?", email, true).First(&staff).Error
	if err != nil || bcrypt.CompareHashAndPassword(staff.PasswordHash, []byte(password)) != nil {
		c.Log.Warn("failed login", "email", email, "ip", c.ClientIP)
		c.Flash.Error("Unknown email or wrong password.")
		return c.Redirect("/login")
	}
	c.Session[sessionStaffKey] = strconv.FormatUint(uint64(staff.ID), 10)
	c.Log.Info("login", "staff", staff.ID)
	return c.Redirect("/appointments")
}

func (c App) Logout() revel.Result {
	for k := range c.Session {
		delete(c.Session, k)
	}
	return c.Redirect("/login")
}

// Health answers the load balancer probe.
type Health struct {
	*revel.Controller
}

func (c Health) Check() revel.Result {
	sqlDB, err := db.DB.DB()
	if err == nil {
		err = sqlDB.Ping()
	}
	if err != nil {
		c.Log.Error("health: database ping failed", "error", err)
		c.Response.Status = 503
		return c.RenderJSON(map[string]string{"status": "degraded"})
	}
	return c.RenderJSON(map[string]string{"status": "ok"})
}
