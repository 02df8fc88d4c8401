package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin/plugintest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/mock"

	"github.com/northline/mattermost-plugin-helpdesk/server/ticketing"
)

type fakeTickets struct {
	created []string
	ticket  *ticketing.Ticket
	err     error
}

func (f *fakeTickets) CreateTicket(_ context.Context, title, _ string, _ ticketing.Priority, _ string) (*ticketing.Ticket, error) {
	f.created = append(f.created, title)
	return f.ticket, f.err
}

func (f *fakeTickets) GetTicket(_ context.Context, _ string) (*ticketing.Ticket, error) {
	return f.ticket, f.err
}

func (f *fakeTickets) AddComment(context.Context, string, string, string) error { return nil }

func newTestPlugin(t *testing.T) (*Plugin, *plugintest.API, *fakeTickets) {
	t.Helper()
	api := &plugintest.API{}
	tickets := &fakeTickets{ticket: &ticketing.Ticket{ID: "T-1", Number: 1, Title: "VPN down", URL: "https://helpdesk.test/t/1"}}
	p := &Plugin{client: tickets, botUserID: "bot1"}
	p.SetAPI(api)
	p.setConfiguration((&configuration{HelpdeskURL: "https://helpdesk.test", WebhookToken: "wh-token"}).withDefaults())
	p.router = p.initRouter()
	return p, api, tickets
}

func TestAPIRequiresUserHeader(t *testing.T) {
	p, _, _ := newTestPlugin(t)
	w := httptest.NewRecorder()
	p.ServeHTTP(nil, w, httptest.NewRequest(http.MethodGet, "/api/v1/tickets/T-1", nil))
	assert.Equal(t, http.StatusUnauthorized, w.Code)
}

func TestSetMappingRequiresSysAdmin(t *testing.T) {
	p, api, _ := newTestPlugin(t)
	api.On("HasPermissionTo", "u1", model.PermissionManageSystem).Return(false)

	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodPut, "/api/v1/admin/channel-mapping", strings.NewReader(`{"channel_id":"c1","queue":"it"}`))
	r.Header.Set(headerUserID, "u1")
	p.ServeHTTP(nil, w, r)
	assert.Equal(t, http.StatusForbidden, w.Code)
}

func TestCreateTicketPostsAnnouncement(t *testing.T) {
	p, api, _ := newTestPlugin(t)
	api.On("HasPermissionToChannel", "u1", "c1", model.PermissionCreatePost).Return(true).Once()
	api.On("GetUser", "u1").Return(&model.User{Id: "u1", Username: "sam", Email: "sam@example.com"}, nil).Once()
	api.On("CreatePost", mock.MatchedBy(func(post *model.Post) bool {
		return post.ChannelId == "c1" && strings.Contains(post.Message, "#T-1")
	})).Return(&model.Post{Id: "p1"}, nil).Once()
	api.On("KVSet", "ticketpost_T-1", []byte("p1")).Return(nil).Once()

	r := httptest.NewRequest(http.MethodPost, "/api/v1/tickets", strings.NewReader(`{"channel_id":"c1","title":"VPN down"}`))
	r.Header.Set(headerUserID, "u1")
	p.ServeHTTP(nil, httptest.NewRecorder(), r)

	api.AssertExpectations(t)
}

func TestGetTicket(t *testing.T) {
	p, _, _ := newTestPlugin(t)
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "/api/v1/tickets/T-1", nil)
	r.Header.Set(headerUserID, "u1")
	p.ServeHTTP(nil, w, r)
}

func TestWebhookRejectsWrongToken(t *testing.T) {
	p, _, _ := newTestPlugin(t)
	w := httptest.NewRecorder()
	p.ServeHTTP(nil, w, httptest.NewRequest(http.MethodPost, "/webhook?token=nope", strings.NewReader(`{}`)))
	assert.Equal(t, http.StatusForbidden, w.Code)
}
