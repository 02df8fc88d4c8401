package main

import (
	"context"
	"net/http"
	"sync"

	"github.com/gorilla/mux"
	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/pkg/errors"

	"github.com/northline/mattermost-plugin-helpdesk/server/ticketing"
)

type ticketClient interface {
	CreateTicket(ctx context.Context, title, description string, priority ticketing.Priority, requesterEmail string) (*ticketing.Ticket, error)
	GetTicket(ctx context.Context, id string) (*ticketing.Ticket, error)
	AddComment(ctx context.Context, id, authorEmail, text string) error
}

type Plugin struct {
	plugin.MattermostPlugin

	configurationLock sync.RWMutex
	configuration     *configuration

	router    *mux.Router
	client    ticketClient
	botUserID string
}

func newTicketClient(cfg *configuration) (ticketClient, error) {
	return ticketing.New(cfg.HelpdeskURL, cfg.HelpdeskAPIKey, cfg.CAFile)
}

func (p *Plugin) OnActivate() error {
	botID, err := p.API.EnsureBotUser(&model.Bot{
		Username:    "helpdesk",
		DisplayName: "Helpdesk",
		Description: "Creates and tracks Helpdesk tickets.",
	})
	if err != nil {
		return errors.Wrap(err, "failed to ensure helpdesk bot")
	}
	p.botUserID = botID

	if err := p.API.RegisterCommand(&model.Command{
		Trigger:          "ticket",
		AutoComplete:     true,
		AutoCompleteDesc: "Create or look up Helpdesk tickets",
		AutoCompleteHint: "[create|show|link|purge|help]",
	}); err != nil {
		return errors.Wrap(err, "failed to register /ticket")
	}

	p.router = p.initRouter()
	return nil
}

func (p *Plugin) OnDeactivate() error {
	return nil
}

func (p *Plugin) ServeHTTP(c *plugin.Context, w http.ResponseWriter, r *http.Request) {
	p.router.ServeHTTP(w, r)
}
