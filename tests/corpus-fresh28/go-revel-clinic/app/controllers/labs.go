package controllers

import (
	"encoding/json"
	"net/http"
	"os"
	"time"

	"github.com/revel/revel"

	"github.com/harbourmed/clinic/app/db"
	"github.com/harbourmed/clinic/app/models"
	"github.com/harbourmed/clinic/app/services/labclient"
)

// Labs receives Meridian Labs' "result ready" callbacks. Meridian has no
// staff session; it authenticates with the shared token in X-Lab-Token.
type Labs struct {
	*revel.Controller
}

type labNotification struct {
	ResultID string `json:"result_id"`
	MRN      string `json:"mrn"`
	Status   string `json:"status"`
}

func (c Labs) Webhook() revel.Result {
	token := c.Request.Header.Get("X-Lab-Token")
	if token == "" || token != os.Getenv("CLINIC_LAB_TOKEN") {
		c.Response.Status = http.StatusUnauthorized
		return c.RenderText("unauthorized")
	}

	var n labNotification
	if err := json.NewDecoder(c.Request.GetBody()).Decode(&n); err != nil {
		c.Response.Status = http.StatusBadRequest
		return c.RenderText("bad payload")
	}
	var patient models.Patient
	if err := db.DB.Where("mrn = ?", n.MRN).First(&patient).Error; err != nil {
		c.Response.Status = http.StatusUnprocessableEntity
		return c.RenderText("unknown patient")
	}

	client := labclient.New(revel.Config.StringDefault("clinic.lab.base_url", ""), os.Getenv("CLINIC_LAB_API_KEY"))
	path, err := client.DownloadResult(c.Request.Context(), n.ResultID)
	if err != nil {
		c.Log.Error("lab result download failed", "result", n.ResultID, "error", err)
		c.Response.Status = http.StatusBadGateway
		return c.RenderText("retry later")
	}
	result := models.LabResult{PatientID: patient.ID, ExternalID: n.ResultID, Status: n.Status, FilePath: path, ReceivedAt: time.Now()}
	if err := db.DB.Create(&result).Error; err != nil {
		return c.RenderError(err)
	}
	return c.RenderJSON(map[string]uint{"id": result.ID})
}
