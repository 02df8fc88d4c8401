package jobs

import (
	"fmt"

	"github.com/goravel/framework/facades"
	"github.com/goravel/framework/mail"

	"clinic/app/models"
)

type SendReminder struct{}

// Signature is the unique name of the job.
func (r *SendReminder) Signature() string {
	return "send_reminder"
}

// Handle sends the appointment reminder e-mail.
func (r *SendReminder) Handle(args ...any) error {
	if len(args) != 1 {
		return fmt.Errorf("send_reminder expects one argument, got %d", len(args))
	}
	id, ok := args[0].(uint)
	if !ok {
		return fmt.Errorf("send_reminder: bad appointment id %v", args[0])
	}
	var appt models.Appointment
	if err := facades.Orm().Query().With("Patient").Where("id", id).First(&appt); err != nil {
		return err
	}
	if appt.Status != "booked" || appt.ReminderSent || appt.Patient == nil {
		return nil
	}
	_ = facades.Mail().
		To([]string{appt.Patient.Email}).
		Content(mail.Content{
			Subject: "Your appointment at Riverbend Clinic",
			Html:    ReminderBody(appt),
		}).
		Send()
	appt.ReminderSent = true
	return facades.Orm().Query().Save(&appt)
}

// ReminderBody renders the reminder text.
func ReminderBody(appt models.Appointment) string {
	name := "there"
	if appt.Patient != nil && appt.Patient.Name != "" {
		name = appt.Patient.Name
	}
	return fmt.Sprintf(
		"<p>Hello %s,</p><p>this is a reminder of your appointment on %s at %s.</p><p>To cancel, reply to this e-mail.</p>",
		name, appt.StartsAt.Format("Monday 2 January"), appt.StartsAt.Format("15:04"),
	)
}
