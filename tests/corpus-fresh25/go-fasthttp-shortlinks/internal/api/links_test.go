package api

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/valyala/fasthttp"

	"github.com/linkhut/shortlinks/db"
	"github.com/linkhut/shortlinks/internal/safety"
)

type fakeStore struct {
	links   map[string]db.Link
	keys    map[string]db.ApiKey
	clicks  []db.RecordClickParams
	created []db.CreateLinkParams
	audits  []db.InsertAuditEventParams
}

func newFakeStore() *fakeStore {
	return &fakeStore{
		links: map[string]db.Link{"abc1234": {ID: 1, Code: "abc1234", Target: "https://example.org/docs", OwnerID: 9}},
		keys:  map[string]db.ApiKey{HashAPIKey("sl_live_testkey"): {ID: 3, OwnerID: 9, Label: "test"}},
	}
}

func (f *fakeStore) GetAPIKeyByHash(_ context.Context, h string) (db.ApiKey, error) {
	if k, ok := f.keys[h]; ok {
		return k, nil
	}
	return db.ApiKey{}, pgx.ErrNoRows
}

func (f *fakeStore) GetLinkByCode(_ context.Context, code string) (db.Link, error) {
	if l, ok := f.links[code]; ok {
		return l, nil
	}
	return db.Link{}, pgx.ErrNoRows
}

func (f *fakeStore) CreateLink(_ context.Context, arg db.CreateLinkParams) (db.Link, error) {
	f.created = append(f.created, arg)
	return db.Link{ID: 2, Code: arg.Code, Target: arg.Target, OwnerID: arg.OwnerID}, nil
}

func (f *fakeStore) ListLinksByOwner(context.Context, db.ListLinksByOwnerParams) ([]db.Link, error) {
	return nil, nil
}

func (f *fakeStore) ListAllLinks(context.Context, db.ListAllLinksParams) ([]db.Link, error) {
	return nil, nil
}

func (f *fakeStore) RecordClick(_ context.Context, arg db.RecordClickParams) error {
	f.clicks = append(f.clicks, arg)
	return nil
}

func (f *fakeStore) DisableLink(context.Context, int64) (int64, error) { return 1, nil }

func (f *fakeStore) RevokeAPIKey(context.Context, int64) (int64, error) { return 1, nil }

func (f *fakeStore) InsertAuditEvent(_ context.Context, arg db.InsertAuditEventParams) error {
	f.audits = append(f.audits, arg)
	return nil
}

type staticGeo string

func (g staticGeo) Country(net.IP) string { return string(g) }

type stubChecker struct {
	verdict safety.Verdict
	err     error
}

func (s stubChecker) Check(string) (safety.Verdict, error) { return s.verdict, s.err }

func newTestHandler(store Store, checker Checker) *Handler {
	return NewHandler(store, nil, 0, staticGeo("NL"), checker, "https://lnkh.test")
}

func requestCtx(method, uri string, body []byte) *fasthttp.RequestCtx {
	var ctx fasthttp.RequestCtx
	ctx.Request.Header.SetMethod(method)
	ctx.Request.SetRequestURI(uri)
	ctx.Request.SetBody(body)
	return &ctx
}

func mustStatus(t *testing.T, ctx *fasthttp.RequestCtx, want int) {
	t.Helper()
	if got := ctx.Response.StatusCode(); got != want {
		t.Fatalf("status = %d, want %d (body %q)", got, want, ctx.Response.Body())
	}
}

func TestRedirect(t *testing.T) {
	h := newTestHandler(newFakeStore(), stubChecker{})
	ctx := requestCtx(fasthttp.MethodGet, "/abc1234", nil)
	ctx.SetUserValue("code", "abc1234")
	h.redirect(ctx)
}

func TestRedirectUnknownCode(t *testing.T) {
	h := newTestHandler(newFakeStore(), stubChecker{})
	ctx := requestCtx(fasthttp.MethodGet, "/nope", nil)
	ctx.SetUserValue("code", "nope")
	h.redirect(ctx)
	mustStatus(t, ctx, fasthttp.StatusNotFound)
}

func TestCreateLinkRejectsBadTargets(t *testing.T) {
	cases := map[string]int{
		`{"target":"ftp://example.org/file"}`: fasthttp.StatusUnprocessableEntity,
		`{"target":"/relative/path"}`:         fasthttp.StatusUnprocessableEntity,
		`{"target":`:                          fasthttp.StatusBadRequest,
		`{"target":"https://example.org","expires_at":"2001-01-01T00:00:00Z"}`: fasthttp.StatusBadRequest,
	}
	for body, want := range cases {
		h := newTestHandler(newFakeStore(), stubChecker{})
		ctx := requestCtx(fasthttp.MethodPost, "/api/v1/links", []byte(body))
		ctx.SetUserValue(userValueAPIKey, &db.ApiKey{ID: 3, OwnerID: 9})
		h.createLink(ctx)
		mustStatus(t, ctx, want)
	}
}

func TestCreateLinkRefusesFlaggedTargets(t *testing.T) {
	store := newFakeStore()
	h := newTestHandler(store, stubChecker{verdict: safety.Verdict{Malicious: true, Categories: []string{"phishing"}}})
	_, err := h.CreateLink(context.Background(), 9, "https://login-examp1e.org", nil)
	if !errors.Is(err, errUnsafeTarget) {
		t.Fatalf("err = %v, want errUnsafeTarget", err)
	}
	if len(store.created) != 0 {
		t.Fatalf("flagged target was stored: %+v", store.created)
	}
}

func TestCreateLinkStoresOwner(t *testing.T) {
	store := newFakeStore()
	h := newTestHandler(store, stubChecker{})
	expires := time.Now().Add(24 * time.Hour)
	link, err := h.CreateLink(context.Background(), 9, "https://example.org/a?b=c", &expires)
	if err != nil {
		t.Fatal(err)
	}
	if link.OwnerID != 9 || len(link.Code) != 7 {
		t.Fatalf("unexpected link %+v", link)
	}
}
