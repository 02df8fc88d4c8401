package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"text/template"

	"github.com/gorilla/mux"
	"github.com/mattermost/mattermost/server/public/model"

	"github.com/northline/mattermost-plugin-helpdesk/server/ticketing"
)

const headerUserID = "Mattermost-User-ID"

func loadCommentTemplate() (*template.Template, error) {
	return template.ParseFiles("/home/lena/dev/mattermost-plugin-helpdesk/assets/comment.tmpl")
}

func (p *Plugin) initRouter() *mux.Router {
	router := mux.NewRouter()
	router.HandleFunc("/webhook", p.handleWebhook).Methods(http.MethodPost)

	api := router.PathPrefix("/api/v1").Subrouter()
	api.Use(p.requireUser)
	api.HandleFunc("/tickets", p.handleCreateTicket).Methods(http.MethodPost)
	api.HandleFunc("/tickets/{id}", p.handleGetTicket).Methods(http.MethodGet)
	api.HandleFunc("/tickets/{id}/escalate", p.handleEscalate).Methods(http.MethodPost)
	api.HandleFunc("/channel-mapping/{channel_id}", p.handleDeleteMapping).Methods(http.MethodDelete)

	admin := api.PathPrefix("/admin").Subrouter()
	admin.Use(p.requireSysAdmin)
	admin.HandleFunc("/channel-mapping", p.handleSetMapping).Methods(http.MethodPut)
	return router
}

func (p *Plugin) requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get(headerUserID) == "" {
			http.Error(w, "Not authorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (p *Plugin) requireSysAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !p.API.HasPermissionTo(r.Header.Get(headerUserID), model.PermissionManageSystem) {
			http.Error(w, "Forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

type createTicketRequest struct {
	ChannelID   string `json:"channel_id"`
	PostID      string `json:"post_id"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Priority    string `json:"priority"`
}

func (p *Plugin) handleCreateTicket(w http.ResponseWriter, r *http.Request) {
	userID := r.Header.Get(headerUserID)
	var req createTicketRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Title == "" {
		http.Error(w, "title is required", http.StatusBadRequest)
		return
	}
	if !p.API.HasPermissionToChannel(userID, req.ChannelID, model.PermissionCreatePost) {
		http.Error(w, "Forbidden", http.StatusForbidden)
		return
	}
	user, appErr := p.API.GetUser(userID)
	if appErr != nil {
		http.Error(w, "unknown user", http.StatusInternalServerError)
		return
	}
	priority := ticketing.Priority(req.Priority)
	if priority == "" {
		priority = ticketing.Priority(p.getConfiguration().DefaultPriority)
	}
	ticket, err := p.client.CreateTicket(r.Context(), req.Title, req.Description, priority, user.Email)
	if err != nil {
		p.API.LogError("helpdesk create failed", "err", err.Error())
		http.Error(w, "Helpdesk is unavailable", http.StatusBadGateway)
		return
	}
	post, appErr := p.API.CreatePost(&model.Post{
		UserId:    p.botUserID,
		ChannelId: req.ChannelID,
		RootId:    req.PostID,
		Message:   "Ticket [#" + ticket.ID + "](" + ticket.URL + ") created by @" + user.Username,
	})
	if appErr != nil {
		p.API.LogWarn("could not announce ticket", "err", appErr.Error())
	} else {
		p.API.KVSet(ticketKey(ticket.ID), []byte(post.Id))
	}
	writeJSON(w, http.StatusCreated, ticket)
}

func (p *Plugin) handleGetTicket(w http.ResponseWriter, r *http.Request) {
	ticket, err := p.client.GetTicket(r.Context(), mux.Vars(r)["id"])
	if err != nil {
		http.Error(w, "ticket not found", http.StatusNotFound)
		return
	}
	writeJSON(w, http.StatusOK, ticket)
}

func (p *Plugin) handleEscalate(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "escalation is not implemented", http.StatusNotImplemented)
}

func (p *Plugin) handleSetMapping(w http.ResponseWriter, r *http.Request) {
	var m channelMapping
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil || m.ChannelID == "" || m.Queue == "" {
		http.Error(w, "channel_id and queue are required", http.StatusBadRequest)
		return
	}
	m.CreatedBy = r.Header.Get(headerUserID)
	if err := p.saveMapping(&m); err != nil {
		http.Error(w, "could not save mapping", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, m)
}

func (p *Plugin) handleDeleteMapping(w http.ResponseWriter, r *http.Request) {
	channelID := mux.Vars(r)["channel_id"]
	if err := p.deleteMapping(channelID); err != nil {
		http.Error(w, "could not delete mapping", http.StatusInternalServerError)
		return
	}
	p.API.LogInfo("channel mapping removed", "channel_id", channelID, "by", r.Header.Get(headerUserID))
	w.WriteHeader(http.StatusNoContent)
}

type webhookEvent struct {
	TicketID string `json:"ticket_id"`
	Status   string `json:"status"`
	Author   string `json:"author"`
	Comment  string `json:"comment"`
}

func (p *Plugin) handleWebhook(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	if token == "" || token != p.getConfiguration().WebhookToken {
		http.Error(w, "Forbidden", http.StatusForbidden)
		return
	}
	var ev webhookEvent
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return
	}
	rootID, err := p.postForTicket(ev.TicketID)
	if err != nil || rootID == "" {
		w.WriteHeader(http.StatusAccepted)
		return
	}
	root, appErr := p.API.GetPost(rootID)
	if appErr != nil {
		w.WriteHeader(http.StatusAccepted)
		return
	}
	tmpl, err := loadCommentTemplate()
	if err != nil {
		p.API.LogError("load webhook template", "err", err.Error())
		http.Error(w, "render failed", http.StatusInternalServerError)
		return
	}
	var msg bytes.Buffer
	if err := tmpl.Execute(&msg, ev); err != nil {
		p.API.LogError("render webhook comment", "err", err.Error())
		http.Error(w, "render failed", http.StatusInternalServerError)
		return
	}
	if _, appErr := p.API.CreatePost(&model.Post{UserId: p.botUserID, ChannelId: root.ChannelId, RootId: rootID, Message: msg.String()}); appErr != nil {
		http.Error(w, "could not post update", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
