package ticket_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/northwind-support/helpdesk/database/model"
	"github.com/northwind-support/helpdesk/route"
	"github.com/northwind-support/helpdesk/service/mail"
	"github.com/northwind-support/helpdesk/service/user"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/bcrypt"

	"goyave.dev/goyave/v5"
	"goyave.dev/goyave/v5/auth"
	"goyave.dev/goyave/v5/config"
	"goyave.dev/goyave/v5/util/testutil"
)

type recordingMailer struct{ sent []mail.Message }

func (m *recordingMailer) Name() string { return mail.Name }
func (m *recordingMailer) Send(_ context.Context, msg mail.Message) error {
	m.sent = append(m.sent, msg)
	return nil
}

func newServer(t *testing.T) (*testutil.TestServer, *recordingMailer) {
	t.Helper()
	cfg, err := config.LoadJSON(`{
		"app": {"name": "helpdesk-test", "environment": "test"},
		"database": {"connection": "sqlite3", "name": "file::memory:?cache=shared"},
		"auth": {"jwt": {"secret": "jwt-secret-for-tests-only"}},
		"mail": {"from": "test@example.test", "webhookSigningKey": "signing-key-for-tests"},
		"internal": {"statsToken": "stats-token-for-tests"}
	}`)
	require.NoError(t, err)
	server := testutil.NewTestServerWithOptions(t, goyave.Options{Config: cfg})
	require.NoError(t, server.DB().AutoMigrate(&model.User{}, &model.Ticket{}, &model.Reply{}, &model.AuditEntry{}))
	mailer := &recordingMailer{}
	server.RegisterService(user.NewService(server.DB()))
	server.RegisterService(mailer)
	server.RegisterRoutes(route.Register)
	return server, mailer
}

func seedUser(t *testing.T, server *testutil.TestServer, email, role string) string {
	t.Helper()
	hash, err := bcrypt.GenerateFromPassword([]byte("pw"), bcrypt.MinCost)
	require.NoError(t, err)
	require.NoError(t, server.DB().Create(&model.User{Email: email, Name: email, Password: string(hash), Role: role}).Error)
	token, err := auth.NewJWTService(server.Config(), nil).GenerateToken(email)
	require.NoError(t, err)
	return token
}

func assertStatus(t *testing.T, resp *http.Response, want int) {
	t.Helper()
	assert.Equal(t, want, resp.StatusCode, "unexpected status for %s %s", resp.Request.Method, resp.Request.URL)
}

func TestCreateTicketRequiresAuth(t *testing.T) {
	server, _ := newServer(t)
	req := httptest.NewRequest(http.MethodPost, "/tickets", testutil.ToJSON(map[string]any{"subject": "Printer", "message": "Jammed"}))
	resp := server.TestRequest(req)
	defer resp.Body.Close()
	assertStatus(t, resp, http.StatusUnauthorized)
}

func TestCreateTicket(t *testing.T) {
	server, _ := newServer(t)
	token := seedUser(t, server, "customer@example.test", model.RoleCustomer)
	req := httptest.NewRequest(http.MethodPost, "/tickets", testutil.ToJSON(map[string]any{"subject": "Printer", "message": "Jammed", "priority": "high"}))
	req.Header.Set("Authorization", "Bearer "+token)
	resp := server.TestRequest(req)
	defer resp.Body.Close()
	require.Equal(t, http.StatusCreated, resp.StatusCode)
	body, err := testutil.ReadJSONBody[map[string]any](resp.Body)
	require.NoError(t, err)
	assert.Equal(t, "Printer", body["Subject"])
}

func TestAgentReplyNotifiesCustomer(t *testing.T) {
	server, _ := newServer(t)
	customer := seedUser(t, server, "c2@example.test", model.RoleCustomer)
	agent := seedUser(t, server, "agent@example.test", model.RoleAgent)

	create := httptest.NewRequest(http.MethodPost, "/tickets", testutil.ToJSON(map[string]any{"subject": "VPN", "message": "Down"}))
	create.Header.Set("Authorization", "Bearer "+customer)
	server.TestRequest(create).Body.Close()

	reply := httptest.NewRequest(http.MethodPost, "/tickets/1/replies", testutil.ToJSON(map[string]any{"body": "Restarted the gateway"}))
	reply.Header.Set("Authorization", "Bearer "+agent)
	resp := server.TestRequest(reply)
	defer resp.Body.Close()
}

func TestAdminOnlyRejectsAgents(t *testing.T) {
	server, _ := newServer(t)
	token := seedUser(t, server, "agent2@example.test", model.RoleAgent)
	req := httptest.NewRequest(http.MethodGet, "/admin/agents", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp := server.TestRequest(req)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
}
