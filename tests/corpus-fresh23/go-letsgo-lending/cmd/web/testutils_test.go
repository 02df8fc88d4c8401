package main

import (
	"bytes"
	"crypto/tls"
	"html"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/go-playground/form/v4"

	"lending.example.org/lending/internal/models"
)

type fakeItems struct{}

func (fakeItems) Insert(string, string, string, int) (int, error) { return 2, nil }
func (fakeItems) Get(id int) (models.Item, error) {
	if id == 1 {
		return models.Item{ID: 1, Name: "Cordless drill", Category: "tools", Created: time.Now()}, nil
	}
	return models.Item{}, models.ErrNoRecord
}
func (f fakeItems) Latest(int) ([]models.Item, error) {
	it, _ := f.Get(1)
	return []models.Item{it}, nil
}
func (f fakeItems) Search(string, string, int) ([]models.Item, error) { return f.Latest(1) }
func (fakeItems) Delete(int) error { return nil }
func (fakeItems) Checkout(int, int, time.Time) error { return nil }
func (fakeItems) Return(int, int) error { return nil }

type fakeUsers struct{}

func (fakeUsers) Authenticate(email, password string) (int, error) {
	if email == "alice@example.com" && password == "pa$$word123" {
		return 1, nil
	}
	return 0, models.ErrInvalidCredentials
}
func (fakeUsers) Get(id int) (models.User, error) {
	if id == 1 {
		return models.User{ID: 1, Name: "Alice", Email: "alice@example.com", Role: "member"}, nil
	}
	return models.User{}, models.ErrNoRecord
}
func (fakeUsers) All() ([]models.User, error) { return nil, nil }
func (fakeUsers) SetRole(int, string) error { return nil }
func (fakeUsers) PendingReset(string) (models.PasswordReset, error) { return models.PasswordReset{}, models.ErrNoRecord }
func (fakeUsers) CompleteReset(int, string) error { return nil }

func newTestApplication(t *testing.T) *application {
	t.Helper()
	cache := map[string]*template.Template{}
	for _, page := range []string{"home.tmpl", "search.tmpl", "view.tmpl", "login.tmpl", "create.tmpl", "reset.tmpl", "admin_users.tmpl"} {
		cache[page] = template.Must(template.New(page).Funcs(functions).Parse(
			`{{define "base"}}{{with .Item}}{{.Name}}{{end}}{{range .Items}}{{.Name}};{{end}}<input name="csrf_token" value="{{.CSRFToken}}">{{.Flash}}{{end}}`))
	}
	sessionManager := scs.New()
	sessionManager.Lifetime = 12 * time.Hour
	sessionManager.Cookie.Secure = true

	return &application{
		logger:         slog.New(slog.NewTextHandler(io.Discard, nil)),
		items:          fakeItems{},
		users:          fakeUsers{},
		templateCache:  cache,
		formDecoder:    form.NewDecoder(),
		sessionManager: sessionManager,
		uiDir:          t.TempDir(),
	}
}

type testServer struct {
	*httptest.Server
	client *http.Client
}

func newTestServer(t *testing.T, h http.Handler) *testServer {
	t.Helper()
	ts := httptest.NewTLSServer(h)
	t.Cleanup(ts.Close)

	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	// httptest generates a fresh self-signed certificate for every server.
	client := &http.Client{
		Jar:       jar,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	return &testServer{Server: ts, client: client}
}

func (ts *testServer) get(t *testing.T, path string) (int, http.Header, string) {
	t.Helper()
	rs, err := ts.client.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Body.Close()
	body, _ := io.ReadAll(rs.Body)
	return rs.StatusCode, rs.Header, string(bytes.TrimSpace(body))
}

func (ts *testServer) postForm(t *testing.T, path string, form url.Values) (int, http.Header, string) {
	t.Helper()
	rs, err := ts.client.PostForm(ts.URL+path, form)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Body.Close()
	body, _ := io.ReadAll(rs.Body)
	return rs.StatusCode, rs.Header, string(bytes.TrimSpace(body))
}

var csrfTokenRX = regexp.MustCompile(`<input name="csrf_token" value="(.+?)">`)

func extractCSRFToken(t *testing.T, body string) string {
	t.Helper()
	matches := csrfTokenRX.FindStringSubmatch(body)
	if len(matches) < 2 {
		t.Fatal("no csrf token found in body")
	}
	return html.UnescapeString(matches[1])
}
