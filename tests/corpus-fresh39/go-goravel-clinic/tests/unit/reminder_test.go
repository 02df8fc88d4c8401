package unit

import (
	"strings"
	"testing"
	"time"

	"clinic/app/jobs"
	"clinic/app/models"
	"clinic/app/services"
)

func TestReminderBodyGreetsPatient(t *testing.T) {
	appt := models.Appointment{
		StartsAt: time.Date(2024, 9, 2, 14, 30, 0, 0, time.UTC),
		Patient:  &models.Patient{Name: "Ada Byrne"},
	}
	body := jobs.ReminderBody(appt)
	for _, want := range []string{"Hello Ada Byrne", "Monday 2 September", "14:30"} {
		if !strings.Contains(body, want) {
			t.Errorf("body %q does not contain %q", body, want)
		}
	}
}

func TestReminderBodyWithoutPatient(t *testing.T) {
	jobs.ReminderBody(models.Appointment{StartsAt: time.Now()})
}

func TestRedactKeepsLastFourDigits(t *testing.T) {
	cases := map[string]string{
		"+353 86 123 4567": "***4567",
		"123":              "123",
	}
	for in, want := range cases {
		got := services.Redact(models.Patient{Phone: in, Notes: "diabetic"})
		if got.Phone != want || got.Notes != "" {
			t.Fatalf("Redact(%q) = %q / notes %q", in, got.Phone, got.Notes)
		}
	}
}

func TestSendReminderRejectsBadArgs(t *testing.T) {
	err := (&jobs.SendReminder{}).Handle("not-an-id")
	if err == nil || !strings.Contains(err.Error(), "bad appointment id") {
		t.Fatalf("unexpected error %v", err)
	}
}
