package tests

import (
	"net/url"

	"github.com/revel/revel/testing"
	"golang.org/x/crypto/bcrypt"

	"github.com/harbourmed/clinic/app/db"
	"github.com/harbourmed/clinic/app/models"
)

type AppTest struct {
	testing.TestSuite
}

const (
	receptionEmail    = "reception@test.harbourmed.ie"
	receptionPassword = "reception-test-pw"
)

func (t *AppTest) Before() {
	db.DB.Exec("TRUNCATE staff, patients, appointments, claims, access_logs RESTART IDENTITY CASCADE")
	hash, _ := bcrypt.GenerateFromPassword([]byte(receptionPassword), bcrypt.MinCost)
	db.DB.Create(&models.Staff{Email: receptionEmail, Name: "Front Desk", PasswordHash: hash, Role: models.RoleReception, Active: true})
	db.DB.Create(&models.Patient{MRN: "HM-0001", FirstName: "Nora", LastName: "Keane"})
}

func (t *AppTest) login() {
	t.PostForm("/login", url.Values{"email": {receptionEmail}, "password": {receptionPassword}})
}

func (t *AppTest) TestHealthIsPublic() {
	t.Get("/health")
	t.AssertOk()
	t.AssertContentType("application/json; charset=utf-8")
}

func (t *AppTest) TestPatientsRequireLogin() {
	t.Get("/patients")
	t.AssertStatus(200)
	t.AssertContains("Please sign in first.")
}

func (t *AppTest) TestReceptionCannotManageStaff() {
	t.login()
	t.Get("/admin/staff")
	t.AssertStatus(403)
}

func (t *AppTest) TestBookAppointment() {
	t.login()
	t.PostForm("/appointments", url.Values{
		"patientID":   {"1"},
		"clinicianID": {"1"},
		"startsAt":    {"2031-03-03T09:20"},
	})
}

func (t *AppTest) TestLabWebhookRejectsMissingToken() {
	t.Post("/hooks/labs", "application/json", nil)
	t.AssertStatus(401)
}

func (t *AppTest) After() {}
