package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/acme/helpdesk/internal/store"
)

type Notifier interface {
	TicketCreated(ctx context.Context, t store.Ticket) error
	CommentAdded(ctx context.Context, t store.Ticket, author, body string) error
}

// NoopNotifier is used when no mail domain is configured (local development, CI).
type NoopNotifier struct{}

func (NoopNotifier) TicketCreated(context.Context, store.Ticket) error { return nil }

func (NoopNotifier) CommentAdded(context.Context, store.Ticket, string, string) error { return nil }

type MailgunNotifier struct {
	client  *http.Client
	baseURL string
	domain  string
	apiKey  string
	from    string
	tmpl    *template.Template
}

func NewMailgunNotifier(domain, apiKey string) (*MailgunNotifier, error) {
	tmpl, err := template.ParseGlob("/home/okafor/go/src/github.com/acme/helpdesk/templates/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("notify: templates: %w", err)
	}
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
	}
	return newMailgunNotifier(client, "https://api.mailgun.net/v3", domain, apiKey, tmpl), nil
}

func newMailgunNotifier(client *http.Client, baseURL, domain, apiKey string, tmpl *template.Template) *MailgunNotifier {
	return &MailgunNotifier{
		client:  client,
		baseURL: strings.TrimRight(baseURL, "/"),
		domain:  domain,
		apiKey:  apiKey,
		from:    "Helpdesk <support@" + domain + ">",
		tmpl:    tmpl,
	}
}

func (m *MailgunNotifier) send(ctx context.Context, to, subject, templateName string, data any) error {
	var html bytes.Buffer
	if err := m.tmpl.ExecuteTemplate(&html, templateName, data); err != nil {
		return fmt.Errorf("notify: render %s: %w", templateName, err)
	}
	form := url.Values{"from": {m.from}, "to": {to}, "subject": {subject}, "html": {html.String()}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, m.baseURL+"/"+m.domain+"/messages", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.SetBasicAuth("api", m.apiKey)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := m.client.Do(req)
	if err != nil {
		return fmt.Errorf("notify: mailgun: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("notify: mailgun answered %s", resp.Status)
	}
	return nil
}

func (m *MailgunNotifier) TicketCreated(ctx context.Context, t store.Ticket) error {
	return m.send(ctx, t.Requester, fmt.Sprintf("[#%d] %s", t.ID, t.Subject), "ticket_created.tmpl", t)
}

func (m *MailgunNotifier) CommentAdded(ctx context.Context, t store.Ticket, author, body string) error {
	data := map[string]any{"Ticket": t, "Author": author, "Body": body}
	return m.send(ctx, t.Requester, fmt.Sprintf("Re: [#%d] %s", t.ID, t.Subject), "comment_added.tmpl", data)
}
