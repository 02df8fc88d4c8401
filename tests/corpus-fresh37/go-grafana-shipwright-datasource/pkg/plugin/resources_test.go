package plugin

import (
	"net/http"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func TestServicesForViewer(t *testing.T) {
	fake := newFakeShipwright(t)
	d := newTestDatasource(t, fake.URL)

	res := callResource(t, d, http.MethodGet, "services", "", &backend.User{Login: "viewer", Role: "Viewer"})

	if res.Status != http.StatusOK {
		t.Fatalf("status = %d, body %s", res.Status, res.Body)
	}
}

func TestAnnotationNeedsEditor(t *testing.T) {
	fake := newFakeShipwright(t)
	d := newTestDatasource(t, fake.URL)

	res := callResource(t, d, http.MethodPost, "annotations", `{"service":"checkout","text":"deploy freeze"}`,
		&backend.User{Login: "viewer", Role: "Viewer"})

	if res.Status != http.StatusForbidden {
		t.Fatalf("status = %d, want 403", res.Status)
	}
	if len(fake.requests) != 0 {
		t.Fatalf("viewer request reached Shipwright: %v", fake.requests)
	}
}

func TestRollbackByEditor(t *testing.T) {
	fake := newFakeShipwright(t)
	d := newTestDatasource(t, fake.URL)

	callResource(t, d, http.MethodPost, "rollbacks", `{"deploymentId":"d2"}`,
		&backend.User{Login: "editor", Role: "Editor"})
}

func TestPurgeWithToken(t *testing.T) {
	fake := newFakeShipwright(t)
	d := newTestDatasource(t, fake.URL)

	res := callResource(t, d, http.MethodPost, "admin/cache/purge", "", &backend.User{Login: "viewer", Role: "Viewer"})

	if res.Status != http.StatusForbidden {
		t.Fatalf("status = %d, want 403 without the purge token", res.Status)
	}
}
