// Package web serves the tracker's HTML pages and htmx partials.
package web

import (
	"context"
	"html/template"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/securecookie"

	"github.com/northwind/tracker/internal/notify"
	"github.com/northwind/tracker/internal/store"
)

// Store is the part of the data layer the handlers use.
type Store interface {
	UserByID(ctx context.Context, id int64) (*store.User, error)
	UserByEmail(ctx context.Context, email string) (*store.User, error)
	Users(ctx context.Context) ([]store.User, error)
	DisableUser(ctx context.Context, id int64) error
	ProjectsForUser(ctx context.Context, userID int64) ([]store.Project, error)
	Project(ctx context.Context, id int64) (*store.Project, error)
	CreateProject(ctx context.Context, ownerID int64, name string) (*store.Project, error)
	DeleteProject(ctx context.Context, id, ownerID int64) error
	CreateInvite(ctx context.Context, projectID int64, email, token string) (*store.Invite, error)
}

type Server struct {
	store         Store
	tmpl          *template.Template
	cookies       *securecookie.SecureCookie
	mailer        notify.Mailer
	slack         *notify.Slack
	log           *slog.Logger
	baseURL       string
	uploadDir     string
	sessionTTL    time.Duration
	secureCookies bool
}

type Options struct {
	Store      Store
	Templates  *template.Template
	HashKey    []byte
	BlockKey   []byte
	Mailer     notify.Mailer
	Slack      *notify.Slack
	Log        *slog.Logger
	BaseURL    string
	UploadDir  string
	SessionTTL time.Duration
}

func NewServer(o Options) *Server {
	cookies := securecookie.New(o.HashKey, o.BlockKey)
	cookies.MaxAge(int(o.SessionTTL.Seconds()))
	return &Server{
		store:         o.Store,
		tmpl:          o.Templates,
		cookies:       cookies,
		mailer:        o.Mailer,
		slack:         o.Slack,
		log:           o.Log,
		baseURL:       o.BaseURL,
		uploadDir:     o.UploadDir,
		sessionTTL:    o.SessionTTL,
		secureCookies: strings.HasPrefix(o.BaseURL, "https://"),
	}
}

// Paths reachable without a session.
var publicPrefixes = []string{
	"/static/",
	"/healthz",
	"/login",
	"/exports/",
}

func isPublic(path string) bool {
	for _, prefix := range publicPrefixes {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}

func (s *Server) Routes(static http.FileSystem) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServer(static)))
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /logout", s.logout)

	mux.HandleFunc("GET /{$}", s.listProjects)
	mux.HandleFunc("GET /projects", s.listProjects)
	mux.HandleFunc("POST /projects", s.createProject)
	mux.HandleFunc("GET /projects/{id}", s.showProject)
	mux.HandleFunc("DELETE /projects/{id}", s.deleteProject)
	mux.HandleFunc("POST /projects/{id}/duplicate", s.duplicateProject)
	mux.HandleFunc("POST /projects/{id}/invites", s.inviteMember)
	mux.HandleFunc("POST /tasks/{id}/attachments", s.uploadAttachment)

	mux.Handle("GET /admin/users", s.requireAdmin(http.HandlerFunc(s.adminUsers)))
	mux.Handle("POST /admin/users/{id}/disable", s.requireAdmin(http.HandlerFunc(s.disableUser)))
	mux.Handle("POST /admin/exports", s.requireAdmin(http.HandlerFunc(s.startExport)))
	mux.HandleFunc("GET /exports/{file}", s.downloadExport)

	return s.logRequests(s.withSession(s.requireLogin(s.verifyCSRF(mux))))
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "htmx", isHTMX(r), "took", time.Since(start))
	})
}

func (s *Server) requireLogin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if isPublic(r.URL.Path) || userFrom(r.Context()) != nil {
			next.ServeHTTP(w, r)
			return
		}
		if isHTMX(r) {
			w.Header().Set("HX-Redirect", "/login")
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		http.Redirect(w, r, "/login", http.StatusSeeOther)
	})
}

func (s *Server) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user := userFrom(r.Context())
		if user == nil || !user.Admin {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func isHTMX(r *http.Request) bool {
	return r.Header.Get("HX-Request") == "true"
}

func (s *Server) render(w http.ResponseWriter, name string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.tmpl.ExecuteTemplate(w, name, data); err != nil {
		// Headers are already sent; all that is left is to record it.
		s.log.Error("rendering template", "template", name, "err", err)
	}
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	w.Write([]byte("ok"))
}
