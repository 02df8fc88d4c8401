package models

import (
	"time"

	"github.com/goravel/framework/database/orm"
)

type User struct {
	orm.Model
	Name     string
	Email    string
	Password string `json:"-"`
	Role     string // "admin", "doctor", "reception"
	ClinicID uint
}

type Patient struct {
	orm.Model
	ClinicID    uint
	Name        string
	Email       string
	Phone       string
	DateOfBirth time.Time
	Notes       string `json:"-"`
}

type Appointment struct {
	orm.Model
	ClinicID     uint
	PatientID    uint
	DoctorID     uint
	StartsAt     time.Time
	Status       string // "booked", "cancelled", "done"
	ReminderSent bool
	Patient      *Patient `gorm:"foreignKey:PatientID"`
}

type LabResult struct {
	orm.Model
	PatientID  uint
	ExternalID string
	Test       string
	Result     string
	ReceivedAt time.Time
}

type AuditLog struct {
	orm.Model
	UserID  uint
	Action  string
	Subject string
}
