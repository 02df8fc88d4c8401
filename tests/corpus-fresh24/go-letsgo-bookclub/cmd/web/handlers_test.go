package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/riverside-readers/bookclub/internal/assert"
)

func TestPing(t *testing.T) {
	rr := httptest.NewRecorder()
	r, err := http.NewRequest(http.MethodGet, "/", nil)
	if err != nil {
		t.Fatal(err)
	}
	ping(rr, r)
	assert.Equal(t, rr.Code, http.StatusOK)
	assert.Equal(t, rr.Body.String(), "OK")
}

func TestMeetingView(t *testing.T) {
	app := newTestApplication(t)
	ts := newTestServer(t, app.routes())
	defer ts.Close()

	tests := []struct {
		name     string
		urlPath  string
		wantCode int
		wantBody string
	}{
		{"Valid ID", "/meetings/view/1", http.StatusOK, "Piranesi"},
		{"Non-existent ID", "/meetings/view/2", http.StatusNotFound, ""},
		{"Negative ID", "/meetings/view/-1", http.StatusNotFound, ""},
		{"String ID", "/meetings/view/foo", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, body := ts.get(t, tt.urlPath)
			assert.Equal(t, code, tt.wantCode)
			if tt.wantBody != "" {
				assert.StringContains(t, body, tt.wantBody)
			}
		})
	}
}

func TestUserSignup(t *testing.T) {
	app := newTestApplication(t)
	ts := newTestServer(t, app.routes())
	defer ts.Close()

	_, _, body := ts.get(t, "/user/signup")
	csrfToken := extractCSRFToken(t, body)

	tests := []struct {
		name     string
		email    string
		password string
		confirm  string
		wantCode int
	}{
		{"Valid submission", "bob@example.com", "validPa$$word", "validPa$$word", http.StatusSeeOther},
		{"Mismatched confirmation", "bob@example.com", "validPa$$word", "validPa$$wort", http.StatusUnprocessableEntity},
		{"Duplicate email", "dupe@example.com", "validPa$$word", "validPa$$word", http.StatusUnprocessableEntity},
		{"Short password", "bob@example.com", "pa$$", "pa$$", http.StatusUnprocessableEntity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{}
			form.Add("name", "Bob")
			form.Add("email", tt.email)
			form.Add("password", tt.password)
			form.Add("confirm_password", tt.confirm)
			form.Add("csrf_token", csrfToken)
			code, _, _ := ts.postForm(t, "/user/signup", form)
			assert.Equal(t, code, tt.wantCode)
		})
	}
}

func TestMeetingCreate(t *testing.T) {
	app := newTestApplication(t)
	ts := newTestServer(t, app.routes())
	defer ts.Close()

	_, _, body := ts.get(t, "/user/login")
	form := url.Values{}
	form.Add("email", "alice@example.com")
	form.Add("password", "pa$$word1234")
	form.Add("csrf_token", extractCSRFToken(t, body))
	ts.postForm(t, "/user/login", form)

	ts.get(t, "/meetings/create")
}

func TestAdminRoutesRedirectAnonymous(t *testing.T) {
	app := newTestApplication(t)
	ts := newTestServer(t, app.routes())
	defer ts.Close()

	code, headers, _ := ts.get(t, "/meetings/create")
	assert.Equal(t, code, http.StatusSeeOther)
	assert.Equal(t, headers.Get("Location"), "/user/login")
}
