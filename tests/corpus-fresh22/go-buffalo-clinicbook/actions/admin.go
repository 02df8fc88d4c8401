package actions

import (
	"net/http"

	"github.com/gobuffalo/buffalo"
	"github.com/gobuffalo/pop/v6"
	"github.com/pkg/errors"

	"github.com/pawsandclaws/clinicbook/models"
)

func AdminDashboard(c buffalo.Context) error {
	tx := c.Value("tx").(*pop.Connection)
	today, err := tx.Where("starts_at::date = current_date AND status = 'booked'").Count(&models.Appointment{})
	if err != nil {
		return errors.WithStack(err)
	}
	c.Set("today", today)
	return c.Render(http.StatusOK, r.HTML("admin/dashboard.plush.html"))
}

func AdminClientsList(c buffalo.Context) error {
	tx := c.Value("tx").(*pop.Connection)
	users := []models.User{}
	q := tx.PaginateFromParams(c.Params()).Order("name asc")
	if err := q.All(&users); err != nil {
		return errors.WithStack(err)
	}
	c.Set("users", users)
	c.Set("pagination", q.Paginator)
	return c.Render(http.StatusOK, r.HTML("admin/clients.plush.html"))
}

func AdminSetRole(c buffalo.Context) error {
	tx := c.Value("tx").(*pop.Connection)
	u := &models.User{}
	if err := tx.Find(u, c.Param("client_id")); err != nil {
		return c.Error(http.StatusNotFound, err)
	}
	u.Role = c.Param("role")
	verrs, err := tx.ValidateAndUpdate(u)
	if err != nil {
		return errors.WithStack(err)
	}
	if verrs.HasAny() {
		return c.Error(http.StatusUnprocessableEntity, verrs)
	}
	c.Logger().Infof("role of %s set to %s by %s", u.ID, u.Role, currentUser(c).ID)
	return c.Redirect(http.StatusSeeOther, "/admin/clients")
}

func AdminDeleteClient(c buffalo.Context) error {
	tx := c.Value("tx").(*pop.Connection)
	u := &models.User{}
	if err := tx.Find(u, c.Param("client_id")); err != nil {
		return c.Error(http.StatusNotFound, err)
	}
	if err := tx.RawQuery("DELETE FROM appointments WHERE owner_id = ?", u.ID).Exec(); err != nil {
		return errors.WithStack(err)
	}
	if err := tx.Destroy(u); err != nil {
		return errors.WithStack(err)
	}
	c.Flash().Add("success", "Client removed.")
	return c.Redirect(http.StatusSeeOther, "/admin/clients")
}
