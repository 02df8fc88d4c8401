package web

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/northwind/tracker/internal/notify"
)

const exportDir = "/tmp/tracker-exports"

func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request) {
	users, err := s.store.Users(r.Context())
	if err != nil {
		http.Error(w, "could not load users", http.StatusInternalServerError)
		return
	}
	s.render(w, "admin-users", map[string]any{"Users": users, "CSRF": sessionFrom(r.Context()).CSRF})
}

func (s *Server) disableUser(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		http.Error(w, "bad user id", http.StatusBadRequest)
		return
	}
	if err := s.store.DisableUser(r.Context(), id); err != nil {
		http.Error(w, "could not disable user", http.StatusInternalServerError)
		return
	}
	admin := userFrom(r.Context())
	if err := s.slack.Post(r.Context(), fmt.Sprintf("%s disabled user #%d", admin.Email, id)); err != nil {
		s.log.Warn("slack notice failed; the change itself is saved", "err", err)
	}
	toast(w, "User disabled")
	w.WriteHeader(http.StatusNoContent)
}

// startExport writes every user to a CSV file and mails the requesting admin a link.
func (s *Server) startExport(w http.ResponseWriter, r *http.Request) {
	users, err := s.store.Users(r.Context())
	if err != nil {
		http.Error(w, "could not load users", http.StatusInternalServerError)
		return
	}
	if err := os.MkdirAll(exportDir, 0o750); err != nil {
		http.Error(w, "export storage unavailable", http.StatusInternalServerError)
		return
	}
	name := fmt.Sprintf("users-%s.csv", time.Now().UTC().Format("20060102-150405"))
	f, err := os.Create(filepath.Join(exportDir, name))
	if err != nil {
		http.Error(w, "could not write export", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	out := csv.NewWriter(f)
	_ = out.Write([]string{"id", "email", "name", "admin", "disabled"})
	for _, u := range users {
		_ = out.Write([]string{strconv.FormatInt(u.ID, 10), u.Email, u.Name, strconv.FormatBool(u.Admin), strconv.FormatBool(u.Disabled)})
	}
	out.Flush()
	if err := out.Error(); err != nil {
		http.Error(w, "could not write export", http.StatusInternalServerError)
		return
	}

	admin := userFrom(r.Context())
	link := fmt.Sprintf("%s/exports/%s", s.baseURL, name)
	if err := s.mailer.Send(r.Context(), notify.Message{To: admin.Email, Subject: "User export ready", Body: link}); err != nil {
		s.log.Error("export mail failed", "err", err)
		toast(w, "Export ready: "+link)
		w.WriteHeader(http.StatusAccepted)
		return
	}
	toast(w, "Export started; a link is on its way to "+admin.Email)
	w.WriteHeader(http.StatusAccepted)
}

func (s *Server) downloadExport(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.PathValue("file"))
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	http.ServeFile(w, r, filepath.Join(exportDir, name))
}
