package main

import (
	"net/http"
	"net/url"
	"testing"

	"lending.example.org/lending/internal/assert"
)

func TestPing(t *testing.T) {
	ts := newTestServer(t, newTestApplication(t).routes())
	code, _, body := ts.get(t, "/ping")
	assert.Equal(t, code, http.StatusOK)
	assert.Equal(t, body, "OK")
}

func TestItemView(t *testing.T) {
	ts := newTestServer(t, newTestApplication(t).routes())
	tests := []struct {
		name     string
		path     string
		wantCode int
		wantBody string
	}{
		{"valid id", "/items/view/1", http.StatusOK, "Cordless drill"},
		{"missing id", "/items/view/2", http.StatusNotFound, ""},
		{"negative id", "/items/view/-1", http.StatusNotFound, ""},
		{"not a number", "/items/view/abc", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, body := ts.get(t, tt.path)
			assert.Equal(t, code, tt.wantCode)
			if tt.wantBody != "" {
				assert.StringContains(t, body, tt.wantBody)
			}
		})
	}
}

func TestItemSearchByCategory(t *testing.T) {
	ts := newTestServer(t, newTestApplication(t).routes())
	ts.get(t, "/items/search?q=drill&category=garden")
}

func TestCreateRequiresLogin(t *testing.T) {
	ts := newTestServer(t, newTestApplication(t).routes())
	code, header, _ := ts.get(t, "/items/create")
	assert.Equal(t, code, http.StatusSeeOther)
	assert.Equal(t, header.Get("Location"), "/user/login")
}

func TestUserLoginPost(t *testing.T) {
	ts := newTestServer(t, newTestApplication(t).routes())
	_, _, body := ts.get(t, "/user/login")
	csrf := extractCSRFToken(t, body)

	tests := []struct {
		name     string
		email    string
		password string
		csrf     string
		wantCode int
	}{
		{"valid", "alice@example.com", "pa$$word123", csrf, http.StatusSeeOther},
		{"wrong password", "alice@example.com", "nope", csrf, http.StatusUnprocessableEntity},
		{"missing csrf", "alice@example.com", "pa$$word123", "wrongToken", http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"email": {tt.email}, "password": {tt.password}, "csrf_token": {tt.csrf}}
			code, _, _ := ts.postForm(t, "/user/login", form)
			assert.Equal(t, code, tt.wantCode)
		})
	}
}
