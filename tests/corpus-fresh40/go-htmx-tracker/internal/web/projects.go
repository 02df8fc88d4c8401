package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/crypto/bcrypt"

	"github.com/northwind/tracker/internal/notify"
	"github.com/northwind/tracker/internal/store"
)

const maxAttachmentBytes = 25 << 20

func pathID(r *http.Request) (int64, error) {
	return strconv.ParseInt(r.PathValue("id"), 10, 64)
}

func toast(w http.ResponseWriter, text string) {
	w.Header().Set("HX-Trigger", fmt.Sprintf(`{"toast":%q}`, text))
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, "login", map[string]any{"Next": r.URL.Query().Get("next")})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	email := strings.TrimSpace(r.FormValue("email"))
	user, err := s.store.UserByEmail(r.Context(), email)
	if err == nil && !user.Disabled {
		err = bcrypt.CompareHashAndPassword(user.PasswordHash, []byte(r.FormValue("password")))
	} else if err == nil {
		err = errors.New("account disabled")
	}
	if err != nil {
		s.log.Info("login failed", "email", email)
		w.WriteHeader(http.StatusUnauthorized)
		s.render(w, "login", map[string]any{"Error": "Wrong email or password.", "Email": email})
		return
	}
	if err := s.startSession(w, user); err != nil {
		http.Error(w, "could not start session", http.StatusInternalServerError)
		return
	}
	http.Redirect(w, r, "/projects", http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	s.endSession(w)
	w.Header().Set("HX-Redirect", "/login")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

func (s *Server) listProjects(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r.Context())
	projects, err := s.store.ProjectsForUser(r.Context(), user.ID)
	if err != nil {
		s.log.Error("listing projects", "err", err)
		http.Error(w, "could not load projects", http.StatusInternalServerError)
		return
	}
	data := map[string]any{"User": user, "Projects": projects, "CSRF": sessionFrom(r.Context()).CSRF}
	if isHTMX(r) {
		s.render(w, "project-list", data)
		return
	}
	s.render(w, "projects-page", data)
}

func (s *Server) createProject(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r.Context())
	name := strings.TrimSpace(r.FormValue("name"))
	if name == "" || len(name) > 120 {
		w.WriteHeader(http.StatusUnprocessableEntity)
		s.render(w, "form-error", "Project names are 1 to 120 characters.")
		return
	}
	project, err := s.store.CreateProject(r.Context(), user.ID, name)
	if err != nil {
		http.Error(w, "could not create project", http.StatusInternalServerError)
		return
	}
	toast(w, "Project created")
	w.WriteHeader(http.StatusCreated)
	s.render(w, "project-row", project)
}

// loadProject reads the {id} project. Projects are readable by every signed-in
// employee; only owners invite people or delete them.
func (s *Server) loadProject(w http.ResponseWriter, r *http.Request) (*store.Project, bool) {
	id, err := pathID(r)
	if err != nil {
		http.Error(w, "bad project id", http.StatusBadRequest)
		return nil, false
	}
	project, err := s.store.Project(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		http.NotFound(w, r)
		return nil, false
	}
	if err != nil {
		http.Error(w, "could not load project", http.StatusInternalServerError)
		return nil, false
	}
	return project, true
}

func (s *Server) showProject(w http.ResponseWriter, r *http.Request) {
	project, ok := s.loadProject(w, r)
	if !ok {
		return
	}
	s.render(w, "project-page", map[string]any{"Project": project, "CSRF": sessionFrom(r.Context()).CSRF})
}

func (s *Server) deleteProject(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		http.Error(w, "bad project id", http.StatusBadRequest)
		return
	}
	err = s.store.DeleteProject(r.Context(), id, userFrom(r.Context()).ID)
	if errors.Is(err, store.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		http.Error(w, "could not delete project", http.StatusInternalServerError)
		return
	}
	toast(w, "Project deleted")
	w.WriteHeader(http.StatusOK)
}

func (s *Server) duplicateProject(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "duplicating projects is not supported", http.StatusNotImplemented)
}

func (s *Server) inviteMember(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r.Context())
	project, ok := s.loadProject(w, r)
	if !ok {
		return
	}
	if project.OwnerID != user.ID {
		http.Error(w, "only the owner can invite", http.StatusForbidden)
		return
	}
	email := strings.TrimSpace(r.FormValue("email"))
	invite, err := s.store.CreateInvite(r.Context(), project.ID, email, randomToken())
	if err != nil {
		http.Error(w, "could not create invite", http.StatusInternalServerError)
		return
	}
	_ = s.mailer.Send(r.Context(), notify.Message{
		To:      email,
		Subject: fmt.Sprintf("%s invited you to %s", user.Name, project.Name),
		Body:    fmt.Sprintf("Join the project: %s/invites/%s\n\nThe link expires in three days.", s.baseURL, invite.Token),
	})
	toast(w, "Invitation sent to "+email)
	s.render(w, "invite-row", invite)
}

func (s *Server) uploadAttachment(w http.ResponseWriter, r *http.Request) {
	taskID, err := pathID(r)
	if err != nil {
		http.Error(w, "bad task id", http.StatusBadRequest)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxAttachmentBytes)
	file, header, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "attachment missing or too large", http.StatusBadRequest)
		return
	}
	defer file.Close()

	dir := filepath.Join(s.uploadDir, strconv.FormatInt(taskID, 10))
	if err := os.MkdirAll(dir, 0o750); err != nil {
		http.Error(w, "storage unavailable", http.StatusInternalServerError)
		return
	}
	dst, err := os.Create(filepath.Join(dir, filepath.Base(header.Filename)))
	if err != nil {
		http.Error(w, "storage unavailable", http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	if _, err := io.Copy(dst, file); err != nil {
		http.Error(w, "could not store attachment", http.StatusInternalServerError)
		return
	}
	toast(w, "Attached "+header.Filename)
	w.WriteHeader(http.StatusCreated)
}
