package actions

import (
	"net/http"
	"os"
	"testing"

	"github.com/gobuffalo/httptest"
	"github.com/gobuffalo/suite/v4"

	"github.com/pawsandclaws/clinicbook/models"
)

type ActionSuite struct {
	*suite.Action
}

func Test_ActionSuite(t *testing.T) {
	action, err := suite.NewActionWithFixtures(App(), os.DirFS("../fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	as := &ActionSuite{Action: action}
	suite.Run(t, as)
}

func (as *ActionSuite) login(role string) *models.User {
	u := &models.User{Email: role + "@example.test", Name: role, Role: role, Password: "correct-horse-battery"}
	verrs, err := u.Create(as.DB)
	as.NoError(err)
	as.False(verrs.HasAny())
	as.Session.Set(sessionUserKey, u.ID)
	return u
}

func (as *ActionSuite) assertRedirectsToLogin(res *httptest.Response) {
	as.Equal(http.StatusFound, res.Code)
	as.Equal("/auth/new", res.Location())
}

func (as *ActionSuite) Test_HomeHandler() {
	res := as.HTML("/").Get()
	as.Equal(http.StatusOK, res.Code)
	as.Contains(res.Body.String(), "Book an appointment")
}

func (as *ActionSuite) Test_Health() {
	res := as.JSON("/healthz").Get()
	as.Equal(http.StatusOK, res.Code)
	as.Contains(res.Body.String(), `"ok"`)
}

func (as *ActionSuite) Test_Appointments_RequireLogin() {
	as.assertRedirectsToLogin(as.HTML("/appointments").Get())
}

func (as *ActionSuite) Test_Admin_ForbiddenForClients() {
	as.login("client")
	res := as.HTML("/admin/clients").Get()
	as.Equal(http.StatusForbidden, res.Code)
}
