package server

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/acme/notes/internal/config"
	"github.com/acme/notes/internal/store"
)

type Server struct {
	cfg    config.Config
	store  *store.Store
	log    *log.Logger
	admins map[string]bool
}

func New(cfg config.Config, st *store.Store, logger *log.Logger, admins map[string]bool) *Server {
	return &Server{cfg: cfg, store: st, log: logger, admins: admins}
}

func (s *Server) Routes() http.Handler {
	r := chi.NewRouter()
	chain := []func(http.Handler) http.Handler{
		middleware.RequestID,
		middleware.RealIP,
		s.logRequests,
		middleware.Recoverer,
	}
	r.Use(chain...)

	r.Get("/healthz", s.healthz)
	r.With(s.requireHookSource).Post("/hooks/mirror", s.mirrorHook)

	r.Route("/api", func(api chi.Router) {
		api.Use(s.authenticate)
		api.Get("/notes", s.listNotes)
		api.Post("/notes", s.createNote)
		api.Get("/notes/search", s.searchNotes)
		api.Get("/notes/{id}", s.getNote)
		api.Delete("/notes/{id}", s.deleteNote)

		api.Route("/admin", func(admin chi.Router) {
			admin.Post("/reindex", s.reindex)
			admin.Get("/users/{user}/notes", s.listUserNotes)
		})
	})
	return r
}
