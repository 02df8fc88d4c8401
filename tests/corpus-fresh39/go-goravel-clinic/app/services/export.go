package services

import (
	"time"

	"github.com/goravel/framework/facades"

	"clinic/app/models"
)

type ExportService struct{}

func NewExportService() *ExportService {
	return &ExportService{}
}

// Patients returns the patients of one clinic registered since the given date.
func (s *ExportService) Patients(clinicID uint, since time.Time) ([]models.Patient, error) {
	var patients []models.Patient
	err := facades.Orm().Query().
		Where("created_at >= ?", since).
		Order("id").
		Find(&patients)
	return patients, err
}

// Redact blanks the fields that must not leave the clinic in bulk exports.
func Redact(p models.Patient) models.Patient {
	p.Notes = ""
	if len(p.Phone) > 4 {
		p.Phone = "***" + p.Phone[len(p.Phone)-4:]
	}
	return p
}
