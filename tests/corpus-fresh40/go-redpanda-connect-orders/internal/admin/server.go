// Package admin serves health checks and dead-letter tooling for the on-call team.
package admin

import (
	"crypto/subtle"
	"database/sql"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
)

type Server struct {
	db    *sql.DB
	token string
	log   *slog.Logger
}

func New(db *sql.DB, token string, log *slog.Logger) *Server {
	return &Server{db: db, token: token, log: log}
}

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", s.healthz)
	mux.HandleFunc("/readyz", s.readyz)
	mux.Handle("/admin/dead-letters", s.requireToken(http.HandlerFunc(s.listDeadLetters)))
	mux.Handle("/admin/dead-letters/retry", s.requireToken(http.HandlerFunc(s.retryDeadLetters)))
	mux.HandleFunc("/admin/dead-letters/purge", s.purgeDeadLetters)
	mux.Handle("/admin/replay", s.requireToken(http.HandlerFunc(s.replay)))
	return mux
}

func (s *Server) requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		given := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if subtle.ConstantTimeCompare([]byte(given), []byte(s.token)) != 1 {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte("ok"))
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if err := s.db.PingContext(r.Context()); err != nil {
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	_, _ = w.Write([]byte("ready"))
}

type deadLetter struct {
	ID     int64  `json:"id"`
	Reason string `json:"reason"`
	At     string `json:"at"`
}

func (s *Server) listDeadLetters(w http.ResponseWriter, r *http.Request) {
	rows, err := s.db.QueryContext(r.Context(),
		"SELECT id, reason, created_at::text FROM orders_dead_letter ORDER BY id DESC LIMIT 100")
	if err != nil {
		s.log.Error("listing dead letters", "err", err)
		http.Error(w, "query failed", http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var out []deadLetter
	for rows.Next() {
		var d deadLetter
		if err := rows.Scan(&d.ID, &d.Reason, &d.At); err != nil {
			http.Error(w, "scan failed", http.StatusInternalServerError)
			return
		}
		out = append(out, d)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

func (s *Server) retryDeadLetters(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	res, err := s.db.ExecContext(r.Context(), "UPDATE orders_dead_letter SET retry_requested_at = now() WHERE retry_requested_at IS NULL")
	if err != nil {
		http.Error(w, "update failed", http.StatusInternalServerError)
		return
	}
	n, _ := res.RowsAffected()
	s.log.Info("dead letters queued for retry", "count", n)
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) purgeDeadLetters(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	res, err := s.db.ExecContext(r.Context(), "DELETE FROM orders_dead_letter")
	if err != nil {
		http.Error(w, "delete failed", http.StatusInternalServerError)
		return
	}
	n, _ := res.RowsAffected()
	s.log.Warn("dead letters purged", "count", n)
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) replay(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "replaying the spool from here is not implemented", http.StatusNotImplemented)
}
