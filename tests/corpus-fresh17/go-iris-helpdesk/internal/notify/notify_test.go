package notify

import (
	"context"
	"crypto/tls"
	"html/template"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/acme/helpdesk/internal/store"
)

func TestTicketCreatedPostsToMailgun(t *testing.T) {
	var gotTo, gotUser string
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUser, _, _ = r.BasicAuth()
		_ = r.ParseForm()
		gotTo = r.PostForm.Get("to")
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()

	// httptest's certificate is generated per run; this client only ever talks to srv.
	client := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	tmpl := template.Must(template.New("ticket_created.tmpl").Parse(`<p>{{.Subject}}</p>`))
	n := newMailgunNotifier(client, srv.URL, "mg.test", "key-test", tmpl)

	if err := n.TicketCreated(context.Background(), store.Ticket{ID: 7, Subject: "Printer", Requester: "ana@example.com"}); err != nil {
		t.Fatalf("TicketCreated: %v", err)
	}
	if gotTo != "ana@example.com" || gotUser != "api" {
		t.Fatalf("unexpected request: to=%q user=%q", gotTo, gotUser)
	}
}
