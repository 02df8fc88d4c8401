package server

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/acme/notes/internal/store"
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		// Headers are already sent; the client has most likely gone away.
		return
	}
}

// healthz reports database reachability for the load balancer.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if err := s.store.Ping(r.Context()); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "db down"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) listNotes(w http.ResponseWriter, r *http.Request) {
	user, _ := UserFrom(r.Context())
	limit := s.cfg.DefaultLimit
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 500 {
			http.Error(w, "limit must be 1..500", http.StatusBadRequest)
			return
		}
		limit = n
	}
	notes, err := s.store.ListNotes(r.Context(), user, limit)
	if err != nil {
		s.log.Printf("list notes for %s: %v", user, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, notes)
}

func (s *Server) createNote(w http.ResponseWriter, r *http.Request) {
	user, _ := UserFrom(r.Context())
	var in struct {
		Title string `json:"title"`
		Body  string `json:"body"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&in); err != nil {
		http.Error(w, "invalid JSON", http.StatusBadRequest)
		return
	}
	note := &store.Note{Owner: user, Title: in.Title, Body: in.Body}
	if err := s.store.Save(r.Context(), note); err != nil {
		s.log.Printf("save note: %v", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	_ = s.store.AppendAudit(r.Context(), store.AuditEntry{Actor: user, Action: "note.create", NoteID: note.ID})
	writeJSON(w, http.StatusCreated, note)
}

func (s *Server) getNote(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	note, err := s.store.Get(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		http.Error(w, "not found", http.StatusNotFound)
	case err != nil:
		s.log.Printf("get note %d: %v", id, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
	default:
		writeJSON(w, http.StatusOK, note)
	}
}

// deleteNote keeps the http.HandlerFunc signature; the request itself is not needed.
func (s *Server) deleteNote(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "deleting notes is disabled during the migration", http.StatusServiceUnavailable)
}

func (s *Server) searchNotes(w http.ResponseWriter, r *http.Request) {
	user, _ := UserFrom(r.Context())
	notes, err := s.store.Search(r.Context(), user, r.URL.Query().Get("q"))
	if err != nil {
		s.log.Printf("search: %v", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, notes)
}

func (s *Server) reindex(w http.ResponseWriter, r *http.Request) {
	if err := s.store.Reindex(r.Context()); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) listUserNotes(w http.ResponseWriter, r *http.Request) {
	notes, err := s.store.ListNotes(r.Context(), chi.URLParam(r, "user"), 1000)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, notes)
}
