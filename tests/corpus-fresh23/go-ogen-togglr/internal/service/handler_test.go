package service

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/jackc/pgx/v5"

	"github.com/togglr-dev/togglr/api"
	"github.com/togglr-dev/togglr/internal/notify"
	"github.com/togglr-dev/togglr/internal/store"
)

var testJWTKey = []byte("handler-test-signing-key")

const testIssuer = "https://auth.test"

// fakeStore is an in-memory Store; handlers under test are called sequentially.
type fakeStore struct {
	flags map[string]store.Flag
	audit []store.AuditEvent
	keys  map[string]store.SDKKey
}

func newFakeStore() *fakeStore {
	return &fakeStore{flags: map[string]store.Flag{}, keys: map[string]store.SDKKey{}}
}

func (f *fakeStore) Ping(context.Context) error { return nil }

func (f *fakeStore) ListFlags(_ context.Context, _ string, _ string, after int64, limit int) ([]store.Flag, error) {
	var out []store.Flag
	for _, fl := range f.flags {
		if fl.ID > after {
			out = append(out, fl)
		}
	}
	slices.SortFunc(out, func(a, b store.Flag) int { return int(a.ID - b.ID) })
	return out[:min(limit, len(out))], nil
}

func (f *fakeStore) FlagsForEnv(ctx context.Context, p, env string) ([]store.Flag, error) {
	return f.ListFlags(ctx, p, env, 0, 1000)
}

func (f *fakeStore) CreateFlag(_ context.Context, _, key, desc string, countries []string) (store.Flag, error) {
	fl := store.Flag{ID: int64(len(f.flags) + 1), Key: key, Description: desc, Countries: countries, UpdatedAt: time.Now()}
	f.flags[key] = fl
	return fl, nil
}

func (f *fakeStore) DeleteFlag(_ context.Context, _, key string) error {
	if _, ok := f.flags[key]; !ok {
		return store.ErrNotFound
	}
	delete(f.flags, key)
	return nil
}

func (f *fakeStore) RotateSDKKey(_ context.Context, p, env string) (string, store.SDKKey, error) {
	return "tgl_abcd1234_secret", store.SDKKey{ProjectID: p, Env: env, Prefix: "abcd1234"}, nil
}

func (f *fakeStore) SDKKeyByPrefix(_ context.Context, prefix string) (store.SDKKey, error) {
	k, ok := f.keys[prefix]
	if !ok {
		return store.SDKKey{}, pgx.ErrNoRows
	}
	return k, nil
}

func (f *fakeStore) AppendAudit(_ context.Context, ev store.AuditEvent) error {
	f.audit = append(f.audit, ev)
	return nil
}

func newTestServer(t *testing.T, st Store) *httptest.Server {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := api.NewServer(NewHandler(st, notify.Nop{}, nil, log), NewSecurity(st, testJWTKey, testIssuer, log))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

func mintToken(t *testing.T, role string, projects ...string) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   "user-" + role,
			Issuer:    testIssuer,
			ExpiresAt: jwt.NewNumericDate(time.Now().Add(time.Hour)),
		},
		Role:     role,
		Projects: projects,
	})
	s, err := tok.SignedString(testJWTKey)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func do(t *testing.T, ts *httptest.Server, method, path, token, body string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func assertJSONStatus(t *testing.T, resp *http.Response, want int) {
	t.Helper()
	if resp.StatusCode != want {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("status = %d, want %d; body: %s", resp.StatusCode, want, b)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("content-type = %q", ct)
	}
}

func TestGetHealthIsPublic(t *testing.T) {
	ts := newTestServer(t, newFakeStore())
	resp := do(t, ts, http.MethodGet, "/healthz", "", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", resp.StatusCode)
	}
}

func TestCreateFlagRequiresEditor(t *testing.T) {
	ts := newTestServer(t, newFakeStore())
	resp := do(t, ts, http.MethodPost, "/projects/web/flags", mintToken(t, "viewer", "web"), `{"key":"new-checkout","description":"x"}`)
	assertJSONStatus(t, resp, http.StatusForbidden)
}

func TestCreateFlagRecordsAudit(t *testing.T) {
	st := newFakeStore()
	ts := newTestServer(t, st)
	resp := do(t, ts, http.MethodPost, "/projects/web/flags", mintToken(t, "editor", "web"), `{"key":"new-checkout","description":"x"}`)
	assertJSONStatus(t, resp, http.StatusOK)

	var got api.Flag
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Key != "new-checkout" {
		t.Errorf("key = %q", got.Key)
	}
	if len(st.audit) != 1 || st.audit[0].Action != "flag.create" {
		t.Errorf("audit = %+v", st.audit)
	}
}

func TestDeleteFlag(t *testing.T) {
	st := newFakeStore()
	_, _ = st.CreateFlag(context.Background(), "web", "old-banner", "", nil)
	ts := newTestServer(t, st)
	do(t, ts, http.MethodDelete, "/projects/web/flags/old-banner", mintToken(t, "editor", "web"), "")
}

func TestListFlagsPaginates(t *testing.T) {
	st := newFakeStore()
	for _, k := range []string{"a", "b", "c"} {
		_, _ = st.CreateFlag(context.Background(), "web", k, "", nil)
	}
	ts := newTestServer(t, st)
	resp := do(t, ts, http.MethodGet, "/projects/web/flags?limit=2", mintToken(t, "viewer", "web"), "")
	var page api.FlagList
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 2 || !page.NextCursor.Set {
		t.Fatalf("page = %+v", page)
	}
}
