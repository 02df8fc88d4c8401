package actions

import (
	"net/http"
	"time"

	"github.com/pawsandclaws/clinicbook/models"
)

func (as *ActionSuite) createAppointment(owner *models.User, vet *models.User, start time.Time) *models.Appointment {
	a := &models.Appointment{
		OwnerID: owner.ID, VetID: vet.ID, PetName: "Biscuit", Reason: "vaccination",
		StartsAt: start, EndsAt: start.Add(30 * time.Minute), Status: "booked",
	}
	as.NoError(as.DB.Create(a))
	return a
}

func (as *ActionSuite) Test_Appointments_Create_Conflict() {
	owner := as.login("client")
	vet := &models.User{Email: "vet@example.test", Name: "Dr. Ng", Role: "vet", Password: "correct-horse-battery"}
	_, err := vet.Create(as.DB)
	as.NoError(err)
	start := time.Now().Add(48 * time.Hour).Truncate(time.Hour)
	as.createAppointment(owner, vet, start)

	res := as.HTML("/appointments").Post(map[string]any{
		"VetID": vet.ID, "PetName": "Mochi", "StartsAt": start.Add(10 * time.Minute), "EndsAt": start.Add(40 * time.Minute),
	})
	as.Equal(http.StatusConflict, res.Code)
}

func (as *ActionSuite) Test_Appointments_List() {
	owner := as.login("client")
	vet := &models.User{Email: "vet2@example.test", Name: "Dr. Roy", Role: "vet", Password: "correct-horse-battery"}
	_, _ = vet.Create(as.DB)
	as.createAppointment(owner, vet, time.Now().Add(72*time.Hour))
	as.HTML("/appointments").Get()
}

func (as *ActionSuite) Test_Appointments_Cancel_OtherOwner() {
	as.login("client")
	other := &models.User{Email: "other@example.test", Name: "Other", Role: "client", Password: "correct-horse-battery"}
	vet := &models.User{Email: "vet3@example.test", Name: "Dr. Ito", Role: "vet", Password: "correct-horse-battery"}
	_, err := other.Create(as.DB)
	as.NoError(err)
	_, err = vet.Create(as.DB)
	as.NoError(err)
	a := as.createAppointment(other, vet, time.Now().Add(96*time.Hour))

	res := as.HTML("/appointments/%s/cancel", a.ID).Post(nil)
	as.Equal(http.StatusNotFound, res.Code)
	reloaded := &models.Appointment{}
	as.NoError(as.DB.Find(reloaded, a.ID))
	as.Equal("booked", reloaded.Status)
}
