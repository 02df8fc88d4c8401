package actions

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gobuffalo/buffalo"
	"github.com/gobuffalo/envy"
	"github.com/gobuffalo/pop/v6"
	"github.com/pkg/errors"

	"github.com/pawsandclaws/clinicbook/models"
	"github.com/pawsandclaws/clinicbook/payments"
)

// AppointmentsResource is the resource for the Appointment model.
type AppointmentsResource struct {
	buffalo.Resource
}

func bufferMinutes() int {
	n, err := strconv.Atoi(envy.Get("APPOINTMENT_BUFFER_MINUTES", "10"))
	if err != nil {
		return 10
	}
	return n
}

func scoped(c buffalo.Context) *pop.Query {
	tx := c.Value("tx").(*pop.Connection)
	u := currentUser(c)
	if u.Role == "client" {
		return tx.Where("owner_id = ?", u.ID)
	}
	return tx.Q()
}

// List gets the appointments visible to the current user. GET /appointments
func (v AppointmentsResource) List(c buffalo.Context) error {
	as := &models.Appointments{}
	q := scoped(c).PaginateFromParams(c.Params()).Order("starts_at asc")
	if err := q.All(as); err != nil {
		return errors.WithStack(err)
	}
	c.Set("pagination", q.Paginator)
	c.Set("appointments", as)
	return c.Render(http.StatusOK, r.HTML("appointments/index.plush.html"))
}

// Show GET /appointments/{appointment_id}
func (v AppointmentsResource) Show(c buffalo.Context) error {
	a := &models.Appointment{}
	if err := scoped(c).Find(a, c.Param("appointment_id")); err != nil {
		return c.Error(http.StatusNotFound, err)
	}
	c.Set("appointment", a)
	return c.Render(http.StatusOK, r.HTML("appointments/show.plush.html"))
}

// New GET /appointments/new
func (v AppointmentsResource) New(c buffalo.Context) error {
	c.Set("appointment", &models.Appointment{})
	return c.Render(http.StatusOK, r.HTML("appointments/new.plush.html"))
}

// Create POST /appointments
func (v AppointmentsResource) Create(c buffalo.Context) error {
	a := &models.Appointment{}
	if err := c.Bind(a); err != nil {
		return errors.WithStack(err)
	}
	u := currentUser(c)
	a.OwnerID = u.ID
	a.Status = "booked"
	tx := c.Value("tx").(*pop.Connection)

	busy, err := a.Overlaps(tx, bufferMinutes())
	if err != nil {
		return errors.WithStack(err)
	}
	if busy {
		c.Flash().Add("warning", "That slot was just taken, please pick another time.")
		c.Set("appointment", a)
		return c.Render(http.StatusConflict, r.HTML("appointments/new.plush.html"))
	}

	verrs, err := tx.ValidateAndCreate(a)
	if err != nil {
		return errors.WithStack(err)
	}
	if verrs.HasAny() {
		c.Set("errors", verrs)
		c.Set("appointment", a)
		return c.Render(http.StatusUnprocessableEntity, r.HTML("appointments/new.plush.html"))
	}
	c.Flash().Add("success", "Appointment booked.")
	return c.Redirect(http.StatusSeeOther, "/appointments/%v", a.ID)
}

// Edit GET /appointments/{appointment_id}/edit
func (v AppointmentsResource) Edit(c buffalo.Context) error {
	a := &models.Appointment{}
	if err := scoped(c).Find(a, c.Param("appointment_id")); err != nil {
		return c.Error(http.StatusNotFound, err)
	}
	c.Set("appointment", a)
	return c.Render(http.StatusOK, r.HTML("appointments/edit.plush.html"))
}

// Update PUT /appointments/{appointment_id}
func (v AppointmentsResource) Update(c buffalo.Context) error {
	return c.Error(http.StatusNotImplemented, errors.New("rescheduling is not available yet"))
}

// Destroy DELETE /appointments/{appointment_id}
func (v AppointmentsResource) Destroy(c buffalo.Context) error {
	return AppointmentsCancel(c)
}

// AppointmentsCancel cancels a booking and refunds any deposit.
func AppointmentsCancel(c buffalo.Context) error {
	tx := c.Value("tx").(*pop.Connection)
	a := &models.Appointment{}
	if err := scoped(c).Find(a, c.Param("appointment_id")); err != nil {
		return c.Error(http.StatusNotFound, err)
	}
	if a.Status == "cancelled" {
		return c.Redirect(http.StatusSeeOther, "/appointments/%v", a.ID)
	}
	a.Status = "cancelled"
	if err := tx.Update(a); err != nil {
		return errors.WithStack(err)
	}
	if a.DepositCents > 0 && a.DepositChargeID.Valid {
		if err := payments.Refund(c, a.DepositChargeID.String, a.DepositCents); err != nil {
			// refunds that fail here are reconciled with the monthly statement
		}
	}
	c.Flash().Add("success", fmt.Sprintf("Appointment for %s cancelled.", a.PetName))
	return c.Redirect(http.StatusSeeOther, "/appointments")
}
