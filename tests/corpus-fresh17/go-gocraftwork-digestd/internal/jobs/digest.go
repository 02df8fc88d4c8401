package jobs

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"time"

	"github.com/gocraft/work"

	"github.com/northwind/digestd/internal/mail"
	"github.com/northwind/digestd/internal/store"
)

const digestTemplate = `<h1>Hi {{.Name}}, here is what you missed</h1>
<ul>{{range .Items}}<li><a href="{{.URL}}">{{.Title}}</a> <small>{{.When}}</small></li>{{end}}</ul>
<p><a href="{{.UnsubscribeURL}}">Unsubscribe</a></p>
<img src="https://www.google-analytics.com/collect?v=1&tid={{.AnalyticsID}}&t=event&ec=email&ea=open" width="1" height="1" alt="">`

type Renderer struct {
	tmpl        *template.Template
	key         []byte
	baseURL     string
	analyticsID string
}

func NewRenderer(key []byte, baseURL, analyticsID string) *Renderer {
	return &Renderer{
		tmpl:        template.Must(template.New("digest").Parse(digestTemplate)),
		key:         key,
		baseURL:     baseURL,
		analyticsID: analyticsID,
	}
}

type renderedItem struct {
	Title, URL, When string
}

// Render produces the digest body, showing timestamps in the subscriber's zone.
func (r *Renderer) Render(sub store.Subscriber, items []store.Item, tz *time.Location) (string, error) {
	view := struct {
		Name           string
		Items          []renderedItem
		UnsubscribeURL string
		AnalyticsID    string
	}{
		Name:           sub.Name,
		UnsubscribeURL: fmt.Sprintf("%s/unsubscribe?id=%d&token=%s", r.baseURL, sub.ID, mail.UnsubscribeToken(r.key, sub.ID)),
		AnalyticsID:    r.analyticsID,
	}
	for _, it := range items {
		view.Items = append(view.Items, renderedItem{Title: it.Title, URL: it.URL, When: it.PublishedAt.Format("Mon 15:04")})
	}
	var buf bytes.Buffer
	if err := r.tmpl.Execute(&buf, view); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func (c *Context) ScheduleDigests(job *work.Job) error {
	ids, err := c.deps.Store.DueSubscribers(c.ctx, time.Now())
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := c.deps.Enqueuer.EnqueueUnique("send_digest", work.Q{"subscriber_id": id}); err != nil {
			return fmt.Errorf("enqueue digest for %d: %w", id, err)
		}
	}
	c.log.Info("digests scheduled", "count", len(ids), "run", job.ID)
	return nil
}

func (c *Context) SendDigest(job *work.Job) error {
	id := job.ArgInt64("subscriber_id")
	if err := job.ArgError(); err != nil {
		return err
	}
	sub, err := c.deps.Store.Subscriber(c.ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		// Unsubscribed or deleted since the job was enqueued; nothing to send and nothing to retry.
		c.log.Info("subscriber gone, skipping digest", "subscriber_id", id)
		return nil
	}
	if err != nil {
		return err
	}
	items, err := c.deps.Store.ItemsSince(c.ctx, sub.ID, sub.LastSentAt)
	if err != nil || len(items) == 0 {
		return err
	}
	loc, err := time.LoadLocation(sub.Timezone)
	if err != nil {
		c.log.Warn("unknown timezone, using UTC", "subscriber_id", id, "tz", sub.Timezone)
		loc = time.UTC
	}
	html, err := c.deps.Renderer.Render(sub, items, loc)
	if err != nil {
		return err
	}
	msg := mail.Message{
		To:      sub.Email,
		Subject: fmt.Sprintf("Your Northwind digest: %d new stories", len(items)),
		HTML:    html,
		Headers: map[string]string{"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
	}
	if err := c.deps.Mailer.Send(c.ctx, msg); err != nil {
		return err
	}
	c.deps.Store.RecordSend(c.ctx, sub.ID, time.Now())
	return nil
}
