package controllers

import (
	"github.com/goravel/framework/contracts/http"
	"github.com/goravel/framework/facades"

	"clinic/app/models"
)

type PatientController struct{}

func NewPatientController() *PatientController {
	return &PatientController{}
}

func currentUser(ctx http.Context) models.User {
	user, _ := ctx.Value("user").(models.User)
	return user
}

func (r *PatientController) Index(ctx http.Context) http.Response {
	user := currentUser(ctx)
	var patients []models.Patient
	query := facades.Orm().Query().Where("clinic_id", user.ClinicID)
	if name := ctx.Request().Query("name", ""); name != "" {
		query = query.Where("name ILIKE ?", "%"+name+"%")
	}
	if err := query.Order("name").Limit(100).Find(&patients); err != nil {
		facades.Log().Errorf("listing patients: %v", err)
		return ctx.Response().Json(http.StatusInternalServerError, http.Json{"error": "could not list patients"})
	}
	return ctx.Response().Success().Json(http.Json{"data": patients})
}

func (r *PatientController) find(ctx http.Context) (models.Patient, bool) {
	var patient models.Patient
	if err := facades.Orm().Query().Where("id", ctx.Request().RouteInt("id")).First(&patient); err != nil || patient.ID == 0 {
		return patient, false
	}
	return patient, true
}

func (r *PatientController) Show(ctx http.Context) http.Response {
	patient, ok := r.find(ctx)
	if !ok {
		return ctx.Response().Json(http.StatusNotFound, http.Json{"error": "not found"})
	}
	if facades.Gate().WithContext(ctx).Denies("view-patient", map[string]any{"patient": patient}) {
		return ctx.Response().Json(http.StatusForbidden, http.Json{"error": "forbidden"})
	}
	return ctx.Response().Success().Json(http.Json{"data": patient})
}

// Records returns the clinical notes and lab results of a patient.
func (r *PatientController) Records(ctx http.Context) http.Response {
	patient, ok := r.find(ctx)
	if !ok {
		return ctx.Response().Json(http.StatusNotFound, http.Json{"error": "not found"})
	}
	var results []models.LabResult
	if err := facades.Orm().Query().Where("patient_id", patient.ID).Order("received_at desc").Find(&results); err != nil {
		return ctx.Response().Json(http.StatusInternalServerError, http.Json{"error": "could not load results"})
	}
	return ctx.Response().Success().Json(http.Json{
		"patient": patient.ID,
		"notes":   patient.Notes,
		"results": results,
	})
}

type updatePatientRequest struct {
	Email string `form:"email" json:"email"`
	Phone string `form:"phone" json:"phone"`
}

func (r *PatientController) Update(ctx http.Context) http.Response {
	patient, ok := r.find(ctx)
	if !ok {
		return ctx.Response().Json(http.StatusNotFound, http.Json{"error": "not found"})
	}
	if facades.Gate().WithContext(ctx).Denies("view-patient", map[string]any{"patient": patient}) {
		return ctx.Response().Json(http.StatusForbidden, http.Json{"error": "forbidden"})
	}
	var req updatePatientRequest
	if err := ctx.Request().Bind(&req); err != nil {
		return ctx.Response().Json(http.StatusBadRequest, http.Json{"error": "invalid body"})
	}
	if req.Email != "" {
		patient.Email = req.Email
	}
	if req.Phone != "" {
		patient.Phone = req.Phone
	}
	if err := facades.Orm().Query().Save(&patient); err != nil {
		return ctx.Response().Json(http.StatusInternalServerError, http.Json{"error": "could not save"})
	}
	return ctx.Response().Success().Json(http.Json{"data": patient})
}
