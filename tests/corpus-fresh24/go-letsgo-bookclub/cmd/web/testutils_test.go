package main

import (
	"bytes"
	"crypto/tls"
	"html"
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

	"github.com/riverside-readers/bookclub/internal/models"
)

var csrfTokenRX = regexp.MustCompile(`<input type='hidden' name='csrf_token' value='(.+)'>`)

func extractCSRFToken(t *testing.T, body string) string {
	matches := csrfTokenRX.FindStringSubmatch(body)
	if len(matches) < 2 {
		t.Fatal("no csrf token found in body")
	}
	return html.UnescapeString(matches[1])
}

var fixedTime = time.Date(2024, 5, 14, 18, 30, 0, 0, time.UTC)

type mockUsers struct{}

func (mockUsers) Insert(name, email, password string) error {
	if email == "dupe@example.com" {
		return models.ErrDuplicateEmail
	}
	return nil
}

func (mockUsers) Authenticate(email, password string) (int, error) {
	if email == "alice@example.com" && password == "pa$$word1234" {
		return 1, nil
	}
	return 0, models.ErrInvalidCredentials
}

func (mockUsers) Get(id int) (models.User, error) {
	switch id {
	case 1:
		return models.User{ID: 1, Name: "Alice", Email: "alice@example.com", Role: "member", Created: fixedTime}, nil
	case 2:
		return models.User{ID: 2, Name: "Priya", Email: "priya@example.com", Role: "admin", Created: fixedTime}, nil
	}
	return models.User{}, models.ErrNoRecord
}

func (m mockUsers) All() ([]models.User, error) {
	a, _ := m.Get(1)
	b, _ := m.Get(2)
	return []models.User{a, b}, nil
}

var mockMeeting = models.Meeting{ID: 1, Title: "May meetup", Book: "Piranesi", Location: "Riverside Library", StartsAt: fixedTime, Created: fixedTime}

type mockMeetings struct{}

func (mockMeetings) Insert(title, book, location string, startsAt time.Time) (int, error) {
	return 2, nil
}

func (mockMeetings) Get(id int) (models.Meeting, error) {
	if id == 1 {
		return mockMeeting, nil
	}
	return models.Meeting{}, models.ErrNoRecord
}

func (mockMeetings) Upcoming(limit int) ([]models.Meeting, error) {
	return []models.Meeting{mockMeeting}, nil
}
func (mockMeetings) Delete(id int) error                              { return nil }
func (mockMeetings) RSVP(meetingID, userID int, attending bool) error { return nil }
func (mockMeetings) Attendees(meetingID int) ([]string, error) {
	return []string{"alice@example.com"}, nil
}

type fakeMailer struct{}

func (fakeMailer) Send(to, subject, body string) error { return nil }

func newTestApplication(t *testing.T) *application {
	templateCache, err := newTemplateCache()
	if err != nil {
		t.Fatal(err)
	}
	sessionManager := scs.New()
	sessionManager.Lifetime = 12 * time.Hour
	sessionManager.Cookie.Secure = true

	return &application{
		logger:         slog.New(slog.NewTextHandler(io.Discard, nil)),
		users:          mockUsers{},
		meetings:       mockMeetings{},
		mailer:         fakeMailer{},
		templateCache:  templateCache,
		formDecoder:    form.NewDecoder(),
		sessionManager: sessionManager,
	}
}

type testServer struct {
	*httptest.Server
	client *http.Client
}

func newTestServer(t *testing.T, h http.Handler) *testServer {
	ts := httptest.NewTLSServer(h)
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{
		Jar: jar,
		// httptest.NewTLSServer uses a throwaway self-signed certificate.
		Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	return &testServer{Server: ts, client: client}
}

func (ts *testServer) get(t *testing.T, urlPath string) (int, http.Header, string) {
	rs, err := ts.client.Get(ts.URL + urlPath)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Body.Close()
	body, err := io.ReadAll(rs.Body)
	if err != nil {
		t.Fatal(err)
	}
	return rs.StatusCode, rs.Header, string(bytes.TrimSpace(body))
}

func (ts *testServer) postForm(t *testing.T, urlPath string, form url.Values) (int, http.Header, string) {
	rs, err := ts.client.PostForm(ts.URL+urlPath, form)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Body.Close()
	body, err := io.ReadAll(rs.Body)
	if err != nil {
		t.Fatal(err)
	}
	return rs.StatusCode, rs.Header, string(bytes.TrimSpace(body))
}
