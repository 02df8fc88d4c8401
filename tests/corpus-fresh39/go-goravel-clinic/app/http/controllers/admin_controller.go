package controllers

import (
	"time"

	"github.com/goravel/framework/contracts/http"

	"clinic/app/services"
)

type AdminController struct {
	exports *services.ExportService
	lab     *services.LabClient
}

func NewAdminController() *AdminController {
	return &AdminController{exports: services.NewExportService(), lab: services.NewLabClient()}
}

func (r *AdminController) ExportPatients(ctx http.Context) http.Response {
	user := currentUser(ctx)
	since, err := time.Parse("2006-01-02", ctx.Request().Query("since", "2000-01-01"))
	if err != nil {
		return ctx.Response().Json(http.StatusBadRequest, http.Json{"error": "since must be YYYY-MM-DD"})
	}
	patients, err := r.exports.Patients(user.ClinicID, since)
	if err != nil {
		return ctx.Response().Json(http.StatusInternalServerError, http.Json{"error": "export failed"})
	}
	return ctx.Response().Success().Json(http.Json{"count": len(patients), "data": patients})
}

func (r *AdminController) ResyncLab(ctx http.Context) http.Response {
	n, err := r.lab.PullPending(ctx)
	if err != nil {
		return ctx.Response().Json(http.StatusBadGateway, http.Json{"error": err.Error()})
	}
	return ctx.Response().Success().Json(http.Json{"pulled": n})
}
