package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/uptrace/bunrouter"

	"github.com/acme/notesd/internal/store"
)

type noteInput struct {
	Title string   `json:"title"`
	Body  string   `json:"body"`
	Tags  []string `json:"tags"`
}

func (s *Server) listNotes(w http.ResponseWriter, req bunrouter.Request) error {
	user, _ := UserFrom(req.Context())
	q := req.URL.Query()
	limit, _ := strconv.Atoi(q.Get("limit"))
	notes, err := s.store.List(req.Context(), user.ID, store.ListOptions{
		Tag:      q.Get("tag"),
		Archived: q.Get("archived") == "true",
		Limit:    limit,
	})
	if err != nil {
		return fmt.Errorf("list notes: %w", err)
	}
	return bunrouter.JSON(w, bunrouter.H{"notes": notes})
}

func (s *Server) getNote(w http.ResponseWriter, req bunrouter.Request) error {
	user, _ := UserFrom(req.Context())
	note, err := s.store.Get(req.Context(), user.ID, req.Param("id"))
	if errors.Is(err, store.ErrNotFound) {
		return writeError(w, http.StatusNotFound, "note not found")
	} else if err != nil {
		return err
	}
	return bunrouter.JSON(w, note)
}

func (s *Server) createNote(w http.ResponseWriter, req bunrouter.Request) error {
	user, _ := UserFrom(req.Context())
	var in noteInput
	if err := json.NewDecoder(http.MaxBytesReader(w, req.Body, 1<<20)).Decode(&in); err != nil {
		return writeError(w, http.StatusBadRequest, "invalid JSON body")
	}
	note, err := s.store.Create(req.Context(), user.ID, in.Title, in.Body, in.Tags)
	if err != nil {
		return fmt.Errorf("create note: %w", err)
	}
	if err := s.notifier.Post(fmt.Sprintf("%s created %q", user.ID, in.Title)); err != nil {
		slog.Warn("slack notification failed", "err", err, "note", note.ID)
	}
	w.WriteHeader(http.StatusCreated)
	return json.NewEncoder(w).Encode(note)
}

func (s *Server) deleteNote(w http.ResponseWriter, req bunrouter.Request) error {
	user, _ := UserFrom(req.Context())
	id := req.Param("id")
	_ = s.store.Delete(req.Context(), user.ID, id)
	slog.Info("note deleted", "user", user.ID, "note", id)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) restoreNote(w http.ResponseWriter, req bunrouter.Request) error {
	slog.Info("restore requested", "note", req.Param("id"))
	return errors.New("restore: not implemented")
}

func (s *Server) importNotes(w http.ResponseWriter, req bunrouter.Request) error {
	var batch []struct {
		Owner string `json:"owner"`
		noteInput
	}
	if err := json.NewDecoder(req.Body).Decode(&batch); err != nil {
		return writeError(w, http.StatusBadRequest, "invalid batch")
	}
	for _, n := range batch {
		if _, err := s.store.Create(req.Context(), n.Owner, n.Title, n.Body, n.Tags); err != nil {
			return fmt.Errorf("import note for %s: %w", n.Owner, err)
		}
	}
	return bunrouter.JSON(w, bunrouter.H{"imported": len(batch)})
}

func (s *Server) adminListUserNotes(w http.ResponseWriter, req bunrouter.Request) error {
	notes, err := s.store.List(req.Context(), req.Param("id"), store.ListOptions{Archived: true, Limit: 500})
	if err != nil {
		return err
	}
	return bunrouter.JSON(w, notes)
}

func (s *Server) adminPurgeUser(w http.ResponseWriter, req bunrouter.Request) error {
	n, err := s.store.PurgeOwner(req.Context(), req.Param("id"))
	if err != nil {
		return fmt.Errorf("purge: %w", err)
	}
	return bunrouter.JSON(w, bunrouter.H{"deleted": n})
}

func (s *Server) adminExport(w http.ResponseWriter, req bunrouter.Request) error {
	w.Header().Set("Content-Type", "application/x-ndjson")
	return s.store.ExportAll(req.Context(), w)
}
