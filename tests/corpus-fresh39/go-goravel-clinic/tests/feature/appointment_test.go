package feature

import (
	"testing"
	"time"

	"github.com/goravel/framework/facades"
	"github.com/stretchr/testify/suite"

	"clinic/app/models"
	"clinic/tests"
)

type AppointmentTestSuite struct {
	suite.Suite
	tests.TestCase
	token   string
	patient models.Patient
}

func TestAppointmentTestSuite(t *testing.T) {
	suite.Run(t, new(AppointmentTestSuite))
}

func (s *AppointmentTestSuite) SetupTest() {
	s.RefreshDatabase()
	user := models.User{Name: "Dr. Okafor", Email: "okafor@riverbend.test", Role: "doctor", ClinicID: 1}
	s.Require().NoError(facades.Orm().Query().Create(&user))
	s.patient = models.Patient{ClinicID: 1, Name: "Ada Byrne", Email: "ada@example.test"}
	s.Require().NoError(facades.Orm().Query().Create(&s.patient))
	token, err := facades.Auth().Login(&user)
	s.Require().NoError(err)
	s.token = token
}

func (s *AppointmentTestSuite) TestIndexRequiresToken() {
	resp, err := s.Http(s.T()).Get("/api/appointments")
	s.Require().NoError(err)
	resp.AssertUnauthorized()
}

func (s *AppointmentTestSuite) TestStoreBooksAppointment() {
	body := `{"patient_id": ` + itoa(s.patient.ID) + `, "doctor_id": 1, "starts_at": "` + time.Now().Add(72*time.Hour).UTC().Format(time.RFC3339) + `"}`
	resp, err := s.Http(s.T()).
		WithToken(s.token).
		WithHeader("Content-Type", "application/json").
		Post("/api/appointments", stringsReader(body))
	s.Require().NoError(err)
	resp.AssertCreated()
	var count int64
	count, err = facades.Orm().Query().Model(&models.Appointment{}).Where("patient_id", s.patient.ID).Count()
	s.Require().NoError(err)
	s.Equal(int64(1), count)
}

func (s *AppointmentTestSuite) TestCancelAppointment() {
	appt := models.Appointment{ClinicID: 1, PatientID: s.patient.ID, DoctorID: 1, StartsAt: time.Now().Add(48 * time.Hour), Status: "booked"}
	s.Require().NoError(facades.Orm().Query().Create(&appt))
	_, _ = s.Http(s.T()).WithToken(s.token).Post("/api/appointments/"+itoa(appt.ID)+"/cancel", nil)
}

func (s *AppointmentTestSuite) TestLabWebhookRejectsWrongToken() {
	resp, err := s.Http(s.T()).
		WithHeader("X-Lab-Token", "not-the-token").
		Post("/api/webhooks/lab-results", stringsReader(`{"external_id":"r-1"}`))
	s.Require().NoError(err)
	resp.AssertUnauthorized()
}
