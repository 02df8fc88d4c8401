package controllers

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/revel/revel"

	"github.com/harbourmed/clinic/app/db"
	"github.com/harbourmed/clinic/app/models"
)

type Patients struct {
	App
}

func (c Patients) Index(q string, page int) revel.Result {
	if page < 1 {
		page = 1
	}
	var patients []models.Patient
	query := db.DB.Order("last_name, first_name").Limit(50).Offset((page - 1) * 50)
	if q != "" {
		like := "%" + q + "%"
		query = query.Where("mrn = ? OR last_name ILIKE ? OR first_name ILIKE ?", q, like, like)
	}
	if err := query.Find(&patients).Error; err != nil {
		return c.RenderError(err)
	}
	return c.Render(patients, q, page)
}

func (c Patients) Show(id uint) revel.Result {
	var patient models.Patient
	if err := db.DB.First(&patient, id).Error; err != nil {
		return c.NotFound("No patient %d", id)
	}
	var results []models.LabResult
	db.DB.Where("patient_id = ?", id).Order("received_at desc").Find(&results)
	return c.Render(patient, results)
}

func (c Patients) Create(patient models.Patient) revel.Result {
	c.Validation.Required(patient.MRN)
	c.Validation.Required(patient.LastName)
	if c.Validation.HasErrors() {
		c.Validation.Keep()
		c.FlashParams()
		return c.Redirect("/patients")
	}
	if err := db.DB.Create(&patient).Error; err != nil {
		c.Log.Error("create patient failed", "error", err)
		return c.RenderError(err)
	}
	return c.Redirect(fmt.Sprintf("/patients/%d", patient.ID))
}

// ExportAll writes the full patient register as CSV for the records office.
func (c Patients) ExportAll() revel.Result {
	dir := revel.Config.StringDefault("clinic.exports.dir", filepath.Join(revel.BasePath, "data", "exports"))
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return c.RenderError(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("patients-%s.csv", time.Now().Format("20060102-150405")))
	f, err := os.Create(path)
	if err != nil {
		return c.RenderError(err)
	}
	defer f.Close()

	w := csv.NewWriter(f)
	_ = w.Write([]string{"mrn", "last_name", "first_name", "dob", "phone", "email"})
	rows, err := db.DB.Model(&models.Patient{}).Order("mrn").Rows()
	if err != nil {
		return c.RenderError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var p models.Patient
		if err := db.DB.ScanRows(rows, &p); err != nil {
			return c.RenderError(err)
		}
		if err := w.Write([]string{p.MRN, p.LastName, p.FirstName, p.DOB.Format("2006-01-02"), p.Phone, p.Email}); err != nil {
			return c.RenderError(err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return c.RenderError(err)
	}
	return c.RenderFileName(path, revel.Attachment)
}

// recordAccess runs after every Patients action (revel.AFTER interceptor).
func (c Patients) recordAccess() revel.Result {
	staff := currentStaff(c.Controller)
	id, _ := strconv.ParseUint(c.Params.Route.Get("id"), 10, 64)
	if staff == nil || id == 0 {
		return nil
	}
	db.DB.Create(&models.AccessLog{StaffID: staff.ID, PatientID: uint(id), Action: c.Action, At: time.Now()})
	return nil
}
