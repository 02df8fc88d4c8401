package fleet

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/go-kit/log"
	stdjwt "github.com/golang-jwt/jwt/v4"
)

var testSecret = []byte("unit-test-secret")

func token(t *testing.T, scope string) string {
	t.Helper()
	tok := stdjwt.NewWithClaims(stdjwt.SigningMethodHS256, stdjwt.MapClaims{
		"sub":   "user-1",
		"scope": scope,
		"exp":   time.Now().Add(time.Hour).Unix(),
	})
	tok.Header["kid"] = SigningKeyID
	s, err := tok.SignedString(testSecret)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newTestHandler(repo Repository) http.Handler {
	deviceKey := sha256.Sum256([]byte("device-key"))
	return NewHTTPHandler(
		NewSet(NewService(repo), testSecret),
		deviceKey[:],
		http.NotFoundHandler(),
		func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) },
		log.NewNopLogger(),
	)
}

func assertStatus(t *testing.T, rec *httptest.ResponseRecorder, want int) {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status = %d, want %d; body=%s", rec.Code, want, rec.Body.String())
	}
}

func TestVehicleRoutesRequireScopes(t *testing.T) {
	repo := newFakeRepo()
	h := newTestHandler(repo)
	cases := []struct {
		name   string
		method string
		path   string
		scope  string
		want   int
	}{
		{"no token", http.MethodGet, "/v1/vehicles?depot=north", "", http.StatusUnauthorized},
		{"reader lists", http.MethodGet, "/v1/vehicles?depot=north", "fleet:read", http.StatusOK},
		{"reader cannot write", http.MethodPost, "/v1/vehicles/v-1/work-orders", "fleet:read", http.StatusForbidden},
		{"writer creates", http.MethodPost, "/v1/vehicles/v-1/work-orders", "fleet:write", http.StatusOK},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, strings.NewReader(`{"summary":"brakes"}`))
			if tc.scope != "" {
				req.Header.Set("Authorization", "Bearer "+token(t, tc.scope))
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			assertStatus(t, rec, tc.want)
		})
	}
}

func TestCloseWorkOrder(t *testing.T) {
	repo := newFakeRepo()
	h := newTestHandler(repo)
	cases := []struct {
		name string
		body string
	}{
		{"with cost", `{"costCents": 12000}`},
		{"zero cost", `{"costCents": 0}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/v1/work-orders/wo-1/close", strings.NewReader(tc.body))
			req.Header.Set("Authorization", "Bearer "+token(t, "fleet:write"))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			t.Logf("%s -> %d", tc.name, rec.Code)
		})
	}
}

func TestOdometerRequiresDeviceKey(t *testing.T) {
	h := newTestHandler(newFakeRepo())
	req := httptest.NewRequest(http.MethodPost, "/v1/vehicles/v-1/odometer", strings.NewReader(`{"km": 1200}`))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assertStatus(t, rec, http.StatusUnauthorized)
}

func TestTelematicsClientDecodesTrips(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode([]TripSummary{{VehicleID: "v-1", DistanceKM: 12.5}})
	}))
	defer srv.Close()
	c := NewTelematicsClient(srv.URL, "k")
	c.http.Transport = &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	trips, err := c.Trips("v-1", time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(trips) != 1 || trips[0].DistanceKM != 12.5 {
		t.Fatalf("unexpected trips: %+v", trips)
	}
}

type fakeRepo struct {
	vehicles map[string]Vehicle
	orders   map[string]WorkOrder
	audit    []string
}

func newFakeRepo() *fakeRepo {
	return &fakeRepo{
		vehicles: map[string]Vehicle{"v-1": {ID: "v-1", Plate: "KA-123", Depot: "north", Status: "active", OdometerKM: 1000}},
		orders:   map[string]WorkOrder{"wo-1": {ID: "wo-1", VehicleID: "v-1", Summary: "tyres"}},
	}
}

func (f *fakeRepo) VehiclesByDepot(_ context.Context, depot string) ([]Vehicle, error) {
	var out []Vehicle
	for _, v := range f.vehicles {
		if v.Depot == depot {
			out = append(out, v)
		}
	}
	return out, nil
}

func (f *fakeRepo) Vehicle(_ context.Context, id string) (Vehicle, error) {
	v, ok := f.vehicles[id]
	if !ok {
		return Vehicle{}, ErrNotFound
	}
	return v, nil
}

func (f *fakeRepo) DeleteVehicle(_ context.Context, id string) error { delete(f.vehicles, id); return nil }

func (f *fakeRepo) UpdateOdometer(_ context.Context, id string, km int) error {
	v := f.vehicles[id]
	v.OdometerKM = km
	f.vehicles[id] = v
	return nil
}

func (f *fakeRepo) InsertWorkOrder(_ context.Context, wo WorkOrder) (WorkOrder, error) {
	wo.ID = "wo-new"
	f.orders[wo.ID] = wo
	return wo, nil
}

func (f *fakeRepo) WorkOrders(_ context.Context, vehicleID string, _ string) ([]WorkOrder, error) {
	var out []WorkOrder
	for _, wo := range f.orders {
		if wo.VehicleID == vehicleID {
			out = append(out, wo)
		}
	}
	return out, nil
}

func (f *fakeRepo) CloseWorkOrder(_ context.Context, id string, cost int64, at time.Time) (WorkOrder, error) {
	wo, ok := f.orders[id]
	if !ok {
		return WorkOrder{}, ErrNotFound
	}
	wo.CostCents, wo.ClosedAt = cost, &at
	f.orders[id] = wo
	return wo, nil
}

func (f *fakeRepo) InsertAudit(_ context.Context, actor, action, subject string, _ map[string]any) error {
	f.audit = append(f.audit, actor+":"+action+":"+subject)
	return nil
}
