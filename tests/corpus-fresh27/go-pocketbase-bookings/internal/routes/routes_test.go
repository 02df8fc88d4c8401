package routes

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"github.com/harbourdesk/bookings/internal/config"
	"github.com/harbourdesk/bookings/internal/payments"
)

const testDataDir = "../../test_pb_data"

// Auth token for the seeded "member@example.com" user in test_pb_data (valid until 2030).
const memberToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjb2xsZWN0aW9uSWQiOiJfcGJfdXNlcnNfYXV0aF8iLCJleHAiOjE4OTM0NTYwMDAsImlkIjoidXNlcjAwMDAwMDAwMDEiLCJyZWZyZXNoYWJsZSI6dHJ1ZSwidHlwZSI6ImF1dGgifQ.9mNfS0C2x3yYg4cP1Jk8hZ0w7q6Vb5nR2tL1aE4dQxU"

func setupTestApp(t testing.TB) *tests.TestApp {
	app, err := tests.NewTestApp(testDataDir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Config{WebhookSecret: "whsec_test", KioskKey: "kiosk-test-key"}
	Register(app, cfg, payments.NewWithHTTPClient("http://127.0.0.1:1", "sk_test", http.DefaultClient))
	return app
}

func TestBookingRoutes(t *testing.T) {
	scenarios := []tests.ApiScenario{
		{
			Name:            "availability is public",
			Method:          http.MethodGet,
			URL:             "/api/venues/available?day=2030-01-15",
			ExpectedStatus:  200,
			ExpectedContent: []string{`"name":"Harbour Room"`},
			TestAppFactory:  setupTestApp,
		},
		{
			Name:            "invoice requires auth",
			Method:          http.MethodGet,
			URL:             "/api/bookings/bkg000000000001/invoice",
			ExpectedStatus:  401,
			ExpectedContent: []string{`"data":{}`},
			TestAppFactory:  setupTestApp,
		},
		{
			Name:            "admin report requires superuser",
			Method:          http.MethodGet,
			URL:             "/api/admin/reports/occupancy?from=2030-01-01",
			Headers:         map[string]string{"Authorization": memberToken},
			ExpectedStatus:  403,
			ExpectedContent: []string{`"data":{}`},
			TestAppFactory:  setupTestApp,
		},
		{
			Name:           "kiosk rejects wrong key",
			Method:         http.MethodPost,
			URL:            "/api/kiosk/checkin",
			Headers:        map[string]string{"X-Kiosk-Key": "nope"},
			Body:           strings.NewReader(`{"booking_id":"bkg000000000001"}`),
			ExpectedStatus: 401,
			ExpectedContent: []string{`"data":{}`},
			TestAppFactory: setupTestApp,
		},
	}
	for _, scenario := range scenarios {
		scenario.Test(t)
	}
}

func TestPriceForThreeHours(t *testing.T) {
	app := setupTestApp(t)
	defer app.Cleanup()

	venue, err := app.FindRecordById("venues", "ven000000000001")
	if err != nil {
		t.Skip("fixture venue missing")
	}
	start := time.Date(2030, 1, 15, 9, 0, 0, 0, time.UTC)
	price := priceFor(venue, start, start.Add(3*time.Hour))
	t.Logf("3h in %s costs %d cents", venue.GetString("name"), price)
}

func TestHoursBetweenRounds(t *testing.T) {
	start := time.Date(2030, 1, 15, 9, 0, 0, 0, time.UTC)
	if got := hoursBetween(start, start.Add(2*time.Hour+20*time.Minute)); got != 2 {
		t.Fatalf("hoursBetween = %d, want 2", got)
	}
}
