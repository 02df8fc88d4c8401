package dashboard

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/northwind-gg/modbot/internal/config"
	"github.com/northwind-gg/modbot/internal/modlog"
)

type fakeStore struct {
	opened []string
	closed []int64
}

func (f *fakeStore) Ping(context.Context) error { return nil }
func (f *fakeStore) OpenCases(context.Context) ([]modlog.Case, error) {
	return []modlog.Case{{ID: 1, TargetID: "42", Summary: "spam"}}, nil
}
func (f *fakeStore) OpenCase(_ context.Context, target, _ string) (int64, error) {
	f.opened = append(f.opened, target)
	return int64(len(f.opened)), nil
}
func (f *fakeStore) CloseCase(_ context.Context, id int64, _, _ string) error {
	f.closed = append(f.closed, id)
	return nil
}
func (f *fakeStore) RecentActions(context.Context, string, int) ([]modlog.Action, error) {
	return nil, nil
}

var testCfg = &config.Config{
	DashboardSecret: "test-dashboard-secret-0123456789abcdef",
	DashboardURL:    "http://dashboard.test",
	SessionTTL:      time.Hour,
	GuildID:         "1",
}

func assertStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	require.Equal(t, want, rec.Code, rec.Body.String())
}

func TestIndexRequiresSession(t *testing.T) {
	srv := NewServer(testCfg, &fakeStore{}, []string{"100"})
	rec := httptest.NewRecorder()
	srv.Routes().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	assertStatus(t, rec, http.StatusSeeOther)
}

func TestTamperedSessionIsRejected(t *testing.T) {
	srv := NewServer(testCfg, &fakeStore{}, []string{"100", "200"})
	issue := httptest.NewRecorder()
	srv.sessions.Issue(issue, "100")
	c := issue.Result().Cookies()[0]
	c.Value = strings.Replace(c.Value, "100|", "200|", 1)
	req := httptest.NewRequest(http.MethodGet, "/actions", nil)
	req.AddCookie(c)
	rec := httptest.NewRecorder()
	srv.Routes().ServeHTTP(rec, req)
	assertStatus(t, rec, http.StatusForbidden)
}
