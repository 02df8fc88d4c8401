package web

import (
	"context"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/northwind/tracker/internal/notify"
	"github.com/northwind/tracker/internal/store"
)

var testHashKey = []byte("test-hash-key-0123456789abcdef!!")

const testCSRF = "csrf-test-token"

type fakeStore struct {
	Store    // methods the tests do not exercise panic on the nil interface
	users    map[int64]*store.User
	projects map[int64]*store.Project
	invites  []store.Invite
	nextID   int64
}

func newFakeStore() *fakeStore {
	return &fakeStore{users: map[int64]*store.User{}, projects: map[int64]*store.Project{}}
}

func (f *fakeStore) id() int64 { f.nextID++; return f.nextID }

func (f *fakeStore) addUser(email string, admin bool) *store.User {
	u := &store.User{ID: f.id(), Email: email, Name: strings.Split(email, "@")[0], Admin: admin}
	f.users[u.ID] = u
	return u
}

func (f *fakeStore) addProject(ownerID int64, name string) *store.Project {
	p := &store.Project{ID: f.id(), OwnerID: ownerID, Name: name, CreatedAt: time.Now()}
	f.projects[p.ID] = p
	return p
}

func (f *fakeStore) UserByID(_ context.Context, id int64) (*store.User, error) {
	if u, ok := f.users[id]; ok {
		return u, nil
	}
	return nil, store.ErrNotFound
}

func (f *fakeStore) UserByEmail(_ context.Context, email string) (*store.User, error) {
	for _, u := range f.users {
		if u.Email == email {
			return u, nil
		}
	}
	return nil, store.ErrNotFound
}

func (f *fakeStore) ProjectsForUser(_ context.Context, userID int64) ([]store.Project, error) {
	var out []store.Project
	for _, p := range f.projects {
		if p.OwnerID == userID {
			out = append(out, *p)
		}
	}
	return out, nil
}

func (f *fakeStore) Project(_ context.Context, id int64) (*store.Project, error) {
	if p, ok := f.projects[id]; ok {
		return p, nil
	}
	return nil, store.ErrNotFound
}

func (f *fakeStore) CreateProject(_ context.Context, ownerID int64, name string) (*store.Project, error) {
	return f.addProject(ownerID, name), nil
}

func (f *fakeStore) DeleteProject(_ context.Context, id, _ int64) error {
	if _, ok := f.projects[id]; !ok {
		return store.ErrNotFound
	}
	delete(f.projects, id)
	return nil
}

func (f *fakeStore) CreateInvite(_ context.Context, projectID int64, email, token string) (*store.Invite, error) {
	inv := store.Invite{ID: f.id(), ProjectID: projectID, Email: email, Token: token}
	f.invites = append(f.invites, inv)
	return &inv, nil
}

type recordingMailer struct{ sent []notify.Message }

func (m *recordingMailer) Send(_ context.Context, msg notify.Message) error {
	m.sent = append(m.sent, msg)
	return nil
}

const testTemplates = `{{define "login"}}login{{end}}{{define "projects-page"}}page{{end}}` +
	`{{define "project-list"}}{{range .Projects}}{{.Name}};{{end}}{{end}}{{define "project-row"}}{{.Name}}{{end}}` +
	`{{define "form-error"}}{{.}}{{end}}{{define "invite-row"}}{{.Email}}{{end}}`

func newTestServer(t *testing.T) (*Server, *fakeStore, *recordingMailer) {
	t.Helper()
	fs := newFakeStore()
	mailer := &recordingMailer{}
	srv := NewServer(Options{
		Store:      fs,
		Templates:  template.Must(template.New("test").Parse(testTemplates)),
		HashKey:    testHashKey,
		Mailer:     mailer,
		Slack:      notify.NewSlack(""),
		Log:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		BaseURL:    "http://tracker.test",
		UploadDir:  t.TempDir(),
		SessionTTL: time.Hour,
	})
	return srv, fs, mailer
}

func signedIn(t *testing.T, srv *Server, user *store.User, method, target string, form url.Values) *http.Request {
	t.Helper()
	value, err := srv.cookies.Encode(sessionCookie, session{UserID: user.ID, CSRF: testCSRF, IssuedAt: time.Now().Unix()})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	req.Header.Set("X-CSRF-Token", testCSRF)
	req.AddCookie(&http.Cookie{Name: sessionCookie, Value: value})
	return req
}

func serve(srv *Server, req *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	srv.Routes(http.Dir(".")).ServeHTTP(rec, req)
	return rec
}

func assertStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d; body %q", rec.Code, want, rec.Body.String())
	}
}

func TestLoginPageIsPublic(t *testing.T) {
	srv, _, _ := newTestServer(t)
	assertStatus(t, serve(srv, httptest.NewRequest(http.MethodGet, "/login", nil)), http.StatusOK)
}

func TestMutationsNeedTheCSRFToken(t *testing.T) {
	srv, fs, _ := newTestServer(t)
	user := fs.addUser("ana@example.test", false)
	req := signedIn(t, srv, user, http.MethodPost, "/projects", url.Values{"name": {"Roadmap"}})
	req.Header.Del("X-CSRF-Token")
	assertStatus(t, serve(srv, req), http.StatusForbidden)
}

func TestCreateProjectTriggersAToast(t *testing.T) {
	srv, fs, _ := newTestServer(t)
	user := fs.addUser("ana@example.test", false)
	rec := serve(srv, signedIn(t, srv, user, http.MethodPost, "/projects", url.Values{"name": {"Roadmap"}}))
	assertStatus(t, rec, http.StatusCreated)
	if !strings.Contains(rec.Header().Get("HX-Trigger"), "Project created") {
		t.Fatalf("HX-Trigger = %q", rec.Header().Get("HX-Trigger"))
	}
}

func TestDeleteProjectAnswersTheSwap(t *testing.T) {
	srv, fs, _ := newTestServer(t)
	owner := fs.addUser("ana@example.test", false)
	project := fs.addProject(owner.ID, "Roadmap")

	rec := httptest.NewRecorder()
	srv.Routes(http.Dir(".")).ServeHTTP(rec, signedIn(t, srv, owner, http.MethodDelete, fmt.Sprintf("/projects/%d", project.ID), nil))
}

func TestInviteMailsTheInvitee(t *testing.T) {
	srv, fs, mailer := newTestServer(t)
	owner := fs.addUser("ana@example.test", false)
	project := fs.addProject(owner.ID, "Roadmap")

	rec := serve(srv, signedIn(t, srv, owner, http.MethodPost, fmt.Sprintf("/projects/%d/invites", project.ID),
		url.Values{"email": {"bo@example.test"}}))

	assertStatus(t, rec, http.StatusOK)
	if len(mailer.sent) != 1 || mailer.sent[0].To != "bo@example.test" {
		t.Fatalf("mails sent: %+v", mailer.sent)
	}
}
