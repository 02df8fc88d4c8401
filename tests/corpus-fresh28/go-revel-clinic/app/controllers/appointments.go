package controllers

import (
	"crypto/subtle"
	"net/http"
	"os"
	"time"

	"github.com/revel/revel"

	"github.com/harbourmed/clinic/app/db"
	"github.com/harbourmed/clinic/app/models"
	"github.com/harbourmed/clinic/app/services/scheduling"
)

type Appointments struct {
	App
}

// List shows one day's diary, optionally for a single clinician.
func (c Appointments) List(date string, clinicianID int) revel.Result {
	day, err := time.Parse("2006-01-02", date)
	if err != nil {
		day = time.Now().Truncate(24 * time.Hour)
	}
	var appts []models.Appointment
	err = db.DB.
		Where("starts_at >= ? AND starts_at < ?", day, day.Add(24*time.Hour)).
		Where("status <> ?", "cancelled").
		Order("starts_at").
		Find(&appts).Error
	if err != nil {
		return c.RenderError(err)
	}
	return c.Render(appts, day)
}

func (c Appointments) Book(patientID, clinicianID uint, startsAt string) revel.Result {
	start, err := time.Parse("2006-01-02T15:04", startsAt)
	c.Validation.Required(patientID)
	c.Validation.Required(clinicianID)
	c.Validation.Required(err == nil).Message("start time must be YYYY-MM-DDTHH:MM")
	if c.Validation.HasErrors() {
		c.Validation.Keep()
		c.FlashParams()
		return c.Redirect("/appointments")
	}
	minutes := revel.Config.IntDefault("clinic.appointments.slot_minutes", 20)
	policy := scheduling.FixedPolicy{Open: 8, Close: 18, Minutes: minutes}
	if !scheduling.Fits(policy, start, clinicianID) {
		c.Flash.Error("That time is outside clinic hours.")
		return c.Redirect("/appointments")
	}
	appt := models.Appointment{PatientID: patientID, ClinicianID: clinicianID, StartsAt: start, Minutes: minutes}
	if err := db.DB.Create(&appt).Error; err != nil {
		c.Log.Error("booking failed", "error", err, "patient", patientID)
		return c.RenderError(err)
	}
	c.Flash.Success("Booked.")
	return c.Redirect("/appointments?date=" + start.Format("2006-01-02"))
}

func (c Appointments) Cancel(id uint) revel.Result {
	res := db.DB.Model(&models.Appointment{}).Where("id = ? AND status = ?", id, "booked").Update("status", "cancelled")
	if res.Error != nil {
		return c.RenderError(res.Error)
	}
	if res.RowsAffected == 0 {
		return c.NotFound("No open appointment %d", id)
	}
	return c.Redirect("/appointments")
}

func (c Appointments) Reschedule(id uint, startsAt string) revel.Result {
	c.Log.Info("reschedule requested", "appointment", id, "to", startsAt)
	return c.Todo()
}

// LegacyICS was the v1 calendar feed. Calendar clients still poll it, so it
// answers 410 with a pointer instead of a 404.
func (c Appointments) LegacyICS() revel.Result {
	c.Response.Status = http.StatusGone
	return c.RenderText("This calendar feed was retired; subscribe to /calendar/feed.ics instead.")
}

// Kiosk is the self check-in tablet in reception. It has no staff session;
// the tablet sends the kiosk token configured in CLINIC_KIOSK_TOKEN.
type Kiosk struct {
	*revel.Controller
}

func (c Kiosk) CheckIn(mrn string) revel.Result {
	want := os.Getenv("CLINIC_KIOSK_TOKEN")
	got := c.Request.Header.Get("X-Kiosk-Token")
	if want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		c.Response.Status = http.StatusUnauthorized
		return c.RenderJSON(map[string]string{"error": "unknown kiosk"})
	}
	now := time.Now()
	res := db.DB.Exec(`UPDATE appointments SET checked_in_at = ?
		WHERE status = 'booked' AND starts_at BETWEEN ? AND ?
		AND patient_id = (SELECT id FROM patients WHERE mrn = ?)`,
		now, now.Add(-30*time.Minute), now.Add(2*time.Hour), mrn)
	if res.Error != nil {
		return c.RenderError(res.Error)
	}
	return c.RenderJSON(map[string]int64{"checked_in": res.RowsAffected})
}
