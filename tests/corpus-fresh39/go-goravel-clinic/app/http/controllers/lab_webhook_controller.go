package controllers

import (
	"time"

	"github.com/goravel/framework/contracts/http"
	"github.com/goravel/framework/facades"

	"clinic/app/models"
)

type LabWebhookController struct{}

func NewLabWebhookController() *LabWebhookController {
	return &LabWebhookController{}
}

type labResultPayload struct {
	ExternalID string `json:"external_id"`
	PatientID  uint   `json:"patient_id"`
	Test       string `json:"test"`
	Result     string `json:"result"`
}

// Receive is called by the lab's system when a result is ready.
func (r *LabWebhookController) Receive(ctx http.Context) http.Response {
	expected := facades.Config().GetString("services.lab.webhook_token")
	if expected == "" || ctx.Request().Header("X-Lab-Token", "") != expected {
		return ctx.Response().Json(http.StatusUnauthorized, http.Json{"error": "invalid token"})
	}
	var payload labResultPayload
	if err := ctx.Request().Bind(&payload); err != nil || payload.ExternalID == "" {
		return ctx.Response().Json(http.StatusBadRequest, http.Json{"error": "invalid payload"})
	}
	var existing models.LabResult
	if err := facades.Orm().Query().Where("external_id", payload.ExternalID).First(&existing); err == nil && existing.ID != 0 {
		return ctx.Response().Success().Json(http.Json{"status": "duplicate"})
	}
	result := models.LabResult{
		PatientID:  payload.PatientID,
		ExternalID: payload.ExternalID,
		Test:       payload.Test,
		Result:     payload.Result,
		ReceivedAt: time.Now().UTC(),
	}
	if err := facades.Orm().Query().Create(&result); err != nil {
		facades.Log().Errorf("storing lab result %s: %v", payload.ExternalID, err)
		return ctx.Response().Json(http.StatusInternalServerError, http.Json{"error": "not stored"})
	}
	return ctx.Response().Json(http.StatusCreated, http.Json{"status": "stored"})
}
