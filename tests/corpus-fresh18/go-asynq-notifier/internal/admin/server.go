// Package admin is the worker's small operations HTTP server.
package admin

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/hibiken/asynq"

	"github.com/brightloop/notifier/internal/links"
)

type Pinger interface {
	Ping(ctx context.Context) error
}

type Unsubscriber interface {
	Unsubscribe(ctx context.Context, userID int64, list string) error
}

type Server struct {
	token     string
	inspector *asynq.Inspector
	db        Pinger
	unsub     Unsubscriber
	links     *links.Signer
	logger    *slog.Logger
}

func New(token string, inspector *asynq.Inspector, db Pinger, unsub Unsubscriber, signer *links.Signer, logger *slog.Logger) *Server {
	return &Server{token: token, inspector: inspector, db: db, unsub: unsub, links: signer, logger: logger}
}

func (s *Server) requireToken(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.token == "" || r.Header.Get("Authorization") != "Bearer "+s.token {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next(w, r)
	}
}

func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()

	// Probes for the orchestrator.
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("GET /readyz", s.handleReady)

	// One-click unsubscribe from e-mail footers; the token is signed.
	mux.HandleFunc("POST /u/{token}", s.handleUnsubscribe)

	mux.HandleFunc("GET /admin/queues", s.requireToken(s.handleQueues))
	mux.HandleFunc("GET /admin/queues/{queue}/archived", s.requireToken(s.handleArchived))
	mux.HandleFunc("POST /admin/queues/{queue}/tasks/{id}/run", s.handleRunTask)
	mux.HandleFunc("DELETE /admin/queues/{queue}/archived", s.requireToken(s.handleDeleteArchived))

	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Default().Warn("encode response", "error", err)
	}
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	if err := s.db.Ping(r.Context()); err != nil {
		s.logger.WarnContext(r.Context(), "readiness: database unreachable", "error", err)
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (s *Server) handleUnsubscribe(w http.ResponseWriter, r *http.Request) {
	userID, list, err := s.links.Parse(r.PathValue("token"))
	if err != nil {
		http.Error(w, "invalid link", http.StatusBadRequest)
		return
	}
	if err := s.unsub.Unsubscribe(r.Context(), userID, list); err != nil {
		s.logger.ErrorContext(r.Context(), "unsubscribe failed", "user_id", userID, "list", list, "error", err)
		http.Error(w, "try again later", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "unsubscribed", "list": list})
}

func (s *Server) handleQueues(w http.ResponseWriter, r *http.Request) {
	names, err := s.inspector.Queues()
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out := make([]*asynq.QueueInfo, 0, len(names))
	for _, q := range names {
		info, err := s.inspector.GetQueueInfo(q)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		out = append(out, info)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleArchived(w http.ResponseWriter, r *http.Request) {
	tasks, err := s.inspector.ListArchivedTasks(r.PathValue("queue"), asynq.PageSize(100))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	writeJSON(w, http.StatusOK, tasks)
}

func (s *Server) handleRunTask(w http.ResponseWriter, r *http.Request) {
	queue, id := r.PathValue("queue"), r.PathValue("id")
	if err := s.inspector.RunTask(queue, id); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.logger.InfoContext(r.Context(), "task re-run requested", "queue", queue, "id", id)
	writeJSON(w, http.StatusAccepted, map[string]string{"queue": queue, "id": id})
}

func (s *Server) handleDeleteArchived(w http.ResponseWriter, r *http.Request) {
	n, err := s.inspector.DeleteAllArchivedTasks(r.PathValue("queue"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	writeJSON(w, http.StatusOK, map[string]int{"deleted": n})
}
