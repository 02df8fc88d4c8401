package models

import (
	"time"

	"github.com/gobuffalo/nulls"
	"github.com/gobuffalo/pop/v6"
	"github.com/gobuffalo/validate/v3"
	"github.com/gobuffalo/validate/v3/validators"
	"github.com/gofrs/uuid"
)

type Appointment struct {
	ID              uuid.UUID    `json:"id" db:"id"`
	OwnerID         uuid.UUID    `json:"owner_id" db:"owner_id"`
	VetID           uuid.UUID    `json:"vet_id" db:"vet_id"`
	PetName         string       `json:"pet_name" db:"pet_name"`
	Reason          string       `json:"reason" db:"reason"`
	StartsAt        time.Time    `json:"starts_at" db:"starts_at"`
	EndsAt          time.Time    `json:"ends_at" db:"ends_at"`
	Status          string       `json:"status" db:"status"`
	DepositCents    int          `json:"deposit_cents" db:"deposit_cents"`
	DepositChargeID nulls.String `json:"-" db:"deposit_charge_id"`
	ReminderSentAt  nulls.Time   `json:"-" db:"reminder_sent_at"`
	CreatedAt       time.Time    `json:"created_at" db:"created_at"`
	UpdatedAt       time.Time    `json:"updated_at" db:"updated_at"`
}

type Appointments []Appointment

// Overlaps reports whether the vet already has a booking in this slot,
// keeping bufferMinutes free between consecutive appointments.
func (a *Appointment) Overlaps(tx *pop.Connection, bufferMinutes int) (bool, error) {
	return tx.Where("vet_id = ? AND status <> 'cancelled' AND id <> ?", a.VetID, a.ID).
		Where("starts_at < ? AND ends_at > ?", a.EndsAt, a.StartsAt).
		Exists(&Appointment{})
}

func (a *Appointment) Validate(tx *pop.Connection) (*validate.Errors, error) {
	return validate.Validate(
		&validators.StringIsPresent{Field: a.PetName, Name: "PetName"},
		&validators.TimeIsPresent{Field: a.StartsAt, Name: "StartsAt"},
		&validators.TimeAfterTime{FirstTime: a.EndsAt, FirstName: "EndsAt", SecondTime: a.StartsAt, SecondName: "StartsAt"},
	), nil
}

// ValidateCreate gets run every time you call "pop.ValidateAndCreate" method.
func (a *Appointment) ValidateCreate(tx *pop.Connection) (*validate.Errors, error) {
	return validate.NewErrors(), nil
}

func UpcomingNeedingReminder(tx *pop.Connection, within time.Duration) (Appointments, error) {
	var as Appointments
	err := tx.Where("status = 'booked' AND reminder_sent_at IS NULL AND starts_at BETWEEN ? AND ?", time.Now(), time.Now().Add(within)).
		All(&as)
	return as, err
}
