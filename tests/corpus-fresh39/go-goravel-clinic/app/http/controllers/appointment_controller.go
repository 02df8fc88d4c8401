package controllers

import (
	"fmt"
	"time"

	"github.com/goravel/framework/contracts/http"
	"github.com/goravel/framework/contracts/queue"
	"github.com/goravel/framework/facades"

	"clinic/app/jobs"
	"clinic/app/models"
)

type AppointmentController struct{}

func NewAppointmentController() *AppointmentController {
	return &AppointmentController{}
}

func (r *AppointmentController) Index(ctx http.Context) http.Response {
	user := currentUser(ctx)
	day, err := time.Parse("2006-01-02", ctx.Request().Query("day", time.Now().Format("2006-01-02")))
	if err != nil {
		return ctx.Response().Json(http.StatusBadRequest, http.Json{"error": "day must be YYYY-MM-DD"})
	}
	var appts []models.Appointment
	err = facades.Orm().Query().
		Where("clinic_id", user.ClinicID).
		Where("starts_at >= ? AND starts_at < ?", day, day.Add(24*time.Hour)).
		Order("starts_at").
		Find(&appts)
	if err != nil {
		return ctx.Response().Json(http.StatusInternalServerError, http.Json{"error": "could not list appointments"})
	}
	return ctx.Response().Success().Json(http.Json{"data": appts})
}

type storeAppointmentRequest struct {
	PatientID uint      `json:"patient_id"`
	DoctorID  uint      `json:"doctor_id"`
	StartsAt  time.Time `json:"starts_at"`
}

func (r *AppointmentController) Store(ctx http.Context) http.Response {
	user := currentUser(ctx)
	var req storeAppointmentRequest
	if err := ctx.Request().Bind(&req); err != nil || req.PatientID == 0 || req.StartsAt.IsZero() {
		return ctx.Response().Json(http.StatusUnprocessableEntity, http.Json{"error": "patient_id and starts_at are required"})
	}
	var patient models.Patient
	if err := facades.Orm().Query().Where("id", req.PatientID).First(&patient); err != nil || patient.ClinicID != user.ClinicID {
		return ctx.Response().Json(http.StatusUnprocessableEntity, http.Json{"error": "unknown patient"})
	}
	appt := models.Appointment{
		ClinicID:  user.ClinicID,
		PatientID: patient.ID,
		DoctorID:  req.DoctorID,
		StartsAt:  req.StartsAt,
		Status:    "booked",
	}
	if err := facades.Orm().Query().Create(&appt); err != nil {
		return ctx.Response().Json(http.StatusInternalServerError, http.Json{"error": "could not book"})
	}
	lead := time.Duration(facades.Config().GetInt("services.reminders.lead_hours", 24)) * time.Hour
	delay := time.Until(appt.StartsAt.Add(-lead))
	if delay > 0 {
		err := facades.Queue().Job(&jobs.SendReminder{}, []queue.Arg{{Type: "uint", Value: appt.ID}}).
			Delay(time.Now().Add(delay)).
			Dispatch()
		if err != nil {
			facades.Log().Warningf("reminder for appointment %d not queued: %v", appt.ID, err)
		}
	}
	return ctx.Response().Json(http.StatusCreated, http.Json{"data": appt})
}

func (r *AppointmentController) Cancel(ctx http.Context) http.Response {
	user := currentUser(ctx)
	var appt models.Appointment
	if err := facades.Orm().Query().Where("id", ctx.Request().RouteInt("id")).First(&appt); err != nil || appt.ID == 0 {
		return ctx.Response().Json(http.StatusNotFound, http.Json{"error": "not found"})
	}
	if facades.Gate().WithContext(ctx).Denies("manage-appointment", map[string]any{"appointment": appt}) {
		return ctx.Response().Json(http.StatusForbidden, http.Json{"error": "forbidden"})
	}
	if appt.Status == "cancelled" {
		return ctx.Response().Success().Json(http.Json{"data": appt})
	}
	appt.Status = "cancelled"
	if err := facades.Orm().Query().Save(&appt); err != nil {
		return ctx.Response().Json(http.StatusInternalServerError, http.Json{"error": "could not cancel"})
	}
	facades.Orm().Query().Create(&models.AuditLog{UserID: user.ID, Action: "appointment.cancelled", Subject: fmt.Sprintf("appointment:%d", appt.ID)})
	return ctx.Response().Success().Json(http.Json{"data": appt})
}
