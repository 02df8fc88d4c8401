package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/acme/tenant-api/internal/store"
)

type fakeStore struct {
	tenants []store.Tenant
}

func (f *fakeStore) ListTenants(_ context.Context, includeSuspended bool) ([]store.Tenant, error) {
	var out []store.Tenant
	for _, t := range f.tenants {
		if includeSuspended || !t.Suspended {
			out = append(out, t)
		}
	}
	return out, nil
}

func (f *fakeStore) GetTenant(_ context.Context, id string) (store.Tenant, error) {
	for _, t := range f.tenants {
		if t.ID == id {
			return t, nil
		}
	}
	return store.Tenant{}, store.ErrNotFound
}

func (f *fakeStore) SuspendTenant(context.Context, string, string) error { return nil }
func (f *fakeStore) DeleteTenant(context.Context, string) error          { return nil }

func newTestHandler() *Handler {
	return &Handler{store: &fakeStore{tenants: []store.Tenant{{ID: "t1", Name: "Acme"}, {ID: "t2", Suspended: true}}}}
}

func TestGetTenantNotFound(t *testing.T) {
	e := echo.New()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	rec := httptest.NewRecorder()
	c := e.NewContext(req, rec)
	c.SetParamNames("id")
	c.SetParamValues("missing")

	err := newTestHandler().GetTenant(c)

	var he *echo.HTTPError
	require.ErrorAs(t, err, &he)
	assert.Equal(t, http.StatusNotFound, he.Code)
}

func TestListTenants(t *testing.T) {
	e := echo.New()
	req := httptest.NewRequest(http.MethodGet, "/?include_suspended=true", nil)
	rec := httptest.NewRecorder()
	c := e.NewContext(req, rec)

	_ = newTestHandler().ListTenants(c)
	t.Logf("status=%d body=%s", rec.Code, rec.Body.String())
}

func TestLegacySignature(t *testing.T) {
	secret := []byte("test-secret")
	require.False(t, verifyLegacySignature(secret, []byte("body"), "zz"))
}
