package controllers

import (
	"regexp"

	"github.com/revel/revel"

	"github.com/harbourmed/clinic/app/db"
	"github.com/harbourmed/clinic/app/models"
)

var roleRegexp = regexp.MustCompile(`^(reception|clinician|admin)$`)

// Admin actions run after requireLogin and requireAdmin (see init.go).
type Admin struct {
	App
}

func (c Admin) requireAdmin() revel.Result {
	if staff := currentStaff(c.Controller); staff == nil || staff.Role != models.RoleAdmin {
		return c.Forbidden("Administrators only.")
	}
	return nil
}

func (c Admin) Staff() revel.Result {
	var staff []models.Staff
	if err := db.DB.Order("name").Find(&staff).Error; err != nil {
		return c.RenderError(err)
	}
	return c.Render(staff)
}

func (c Admin) SetRole(id uint, role string) revel.Result {
	c.Validation.Required(role)
	c.Validation.Match(role, roleRegexp).Message("unknown role")
	if c.Validation.HasErrors() {
		c.Validation.Keep()
		return c.Redirect("/admin/staff")
	}
	if err := db.DB.Model(&models.Staff{}).Where("id = ?", id).Update("role", role).Error; err != nil {
		return c.RenderError(err)
	}
	c.Log.Info("role changed", "staff", id, "role", role, "by", currentStaff(c.Controller).ID)
	return c.Redirect("/admin/staff")
}
