package models

import "time"

const (
	RoleReception = "reception"
	RoleClinician = "clinician"
	RoleAdmin     = "admin"
)

type Staff struct {
	ID           uint   `gorm:"primaryKey"`
	Email        string `gorm:"uniqueIndex;size:200"`
	Name         string `gorm:"size:120"`
	PasswordHash []byte
	Role         string `gorm:"size:20"`
	Active       bool   `gorm:"default:true"`
	CreatedAt    time.Time
}

type Patient struct {
	ID        uint   `gorm:"primaryKey"`
	MRN       string `gorm:"uniqueIndex;size:20"`
	FirstName string `gorm:"size:80"`
	LastName  string `gorm:"size:80"`
	DOB       time.Time
	Phone     string `gorm:"size:30"`
	Email     string `gorm:"size:200"`
	CreatedAt time.Time
}

type Appointment struct {
	ID          uint `gorm:"primaryKey"`
	PatientID   uint `gorm:"index"`
	ClinicianID uint `gorm:"index"`
	StartsAt    time.Time
	Minutes     int
	Status      string `gorm:"size:20;default:booked"`
	Notes       string
	CheckedInAt *time.Time
}

type Claim struct {
	ID            uint `gorm:"primaryKey"`
	AppointmentID uint `gorm:"uniqueIndex"`
	AmountCents   int64
	Status        string `gorm:"size:20;default:draft"`
	SubmittedAt   *time.Time
	VoidedAt      *time.Time
}

type LabResult struct {
	ID         uint   `gorm:"primaryKey"`
	PatientID  uint   `gorm:"index"`
	ExternalID string `gorm:"uniqueIndex;size:64"`
	Status     string `gorm:"size:20"`
	FilePath   string
	ReceivedAt time.Time
}

// AccessLog is the record of who opened which patient chart (HSE audit requirement).
type AccessLog struct {
	ID        uint   `gorm:"primaryKey"`
	StaffID   uint   `gorm:"index"`
	PatientID uint   `gorm:"index"`
	Action    string `gorm:"size:40"`
	At        time.Time
}
