package tasks

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/hibiken/asynq"

	"github.com/brightloop/notifier/internal/links"
	"github.com/brightloop/notifier/internal/mailer"
	"github.com/brightloop/notifier/internal/store"
)

// Store is the subset of store.Store the handlers use.
type Store interface {
	User(ctx context.Context, id int64) (store.User, error)
	DigestItems(ctx context.Context, userID int64, since time.Time) ([]store.DigestItem, error)
	LastDigestAt(ctx context.Context, userID int64) (time.Time, error)
	DigestSubscribers(ctx context.Context) ([]int64, error)
	RecordDelivery(ctx context.Context, userID int64, kind, messageID string) error
	IsSuppressed(ctx context.Context, email string) (bool, error)
}

type Handlers struct {
	Store     Store
	Mailer    mailer.Sender
	Links     *links.Signer
	Enqueuer  *asynq.Client
	Logger    *slog.Logger
	Templates *template.Template
}

func LoadTemplates(dir string) (*template.Template, error) {
	return template.ParseGlob(filepath.Join(dir, "*.html"))
}

func (h *Handlers) render(name string, data any) (string, error) {
	var buf bytes.Buffer
	if err := h.Templates.ExecuteTemplate(&buf, name, data); err != nil {
		return "", fmt.Errorf("render %s: %w", name, err)
	}
	return buf.String(), nil
}

func decode(t *asynq.Task, v any) error {
	if err := json.Unmarshal(t.Payload(), v); err != nil {
		// A malformed payload will never succeed; don't retry it.
		return fmt.Errorf("decode %s payload: %v: %w", t.Type(), err, asynq.SkipRetry)
	}
	return nil
}

// recipient loads the user and reports whether mail may be sent to them.
func (h *Handlers) recipient(ctx context.Context, userID int64) (store.User, bool, error) {
	u, err := h.Store.User(ctx, userID)
	if errors.Is(err, sql.ErrNoRows) {
		h.Logger.InfoContext(ctx, "user no longer exists; dropping notification", "user_id", userID)
		return u, false, nil
	}
	if err != nil {
		return u, false, err
	}
	suppressed, err := h.Store.IsSuppressed(ctx, u.Email)
	if err != nil {
		return u, false, err
	}
	return u, !suppressed, nil
}

func (h *Handlers) HandleWelcome(ctx context.Context, t *asynq.Task) error {
	var p WelcomePayload
	if err := decode(t, &p); err != nil {
		return err
	}
	u, ok, err := h.recipient(ctx, p.UserID)
	if err != nil || !ok {
		return err
	}
	tmpl := "welcome.html"
	if p.TemplateID == "welcome-v2" {
		tmpl = "welcome_v2.html"
	}
	html, err := h.render(tmpl, map[string]any{"Name": u.Name, "Unsubscribe": h.Links.URL(u.ID, "product")})
	if err != nil {
		return err
	}
	id, err := h.Mailer.Send(ctx, mailer.Message{
		To: u.Email, Subject: "Welcome to Brightloop", HTML: html,
		ListUnsubscribeURL: h.Links.URL(u.ID, "product"),
	})
	if err != nil {
		return err
	}
	return h.Store.RecordDelivery(ctx, u.ID, "welcome", id)
}

func (h *Handlers) HandleReceipt(ctx context.Context, t *asynq.Task) error {
	var p ReceiptPayload
	if err := decode(t, &p); err != nil {
		return err
	}
	u, err := h.Store.User(ctx, p.UserID)
	if err != nil {
		return err
	}
	html, err := h.render("receipt.html", map[string]any{
		"Name": u.Name, "OrderID": p.OrderID,
		"Amount": fmt.Sprintf("%.2f %s", float64(p.AmountCents)/100, p.Currency),
	})
	if err != nil {
		return err
	}
	id, err := h.Mailer.Send(ctx, mailer.Message{
		To: u.Email, Subject: "Your Brightloop receipt " + p.OrderID, HTML: html,
		ListUnsubscribeURL: h.Links.URL(u.ID, "receipts"),
	})
	if err != nil {
		return err
	}
	_ = h.Store.RecordDelivery(ctx, u.ID, "receipt:"+p.OrderID, id)
	return nil
}

func (h *Handlers) HandleDigest(ctx context.Context, t *asynq.Task) error {
	var p DigestPayload
	if err := decode(t, &p); err != nil {
		return err
	}
	u, ok, err := h.recipient(ctx, p.UserID)
	if err != nil || !ok {
		return err
	}
	since, err := h.Store.LastDigestAt(ctx, u.ID)
	if err != nil {
		return err
	}
	items, err := h.Store.DigestItems(ctx, u.ID, since)
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return nil
	}
	html, err := h.render("digest.html", map[string]any{"Name": u.Name, "Items": items})
	if err != nil {
		return err
	}
	id, err := h.Mailer.Send(ctx, mailer.Message{
		To: u.Email, Subject: fmt.Sprintf("%d updates on Brightloop", len(items)), HTML: html,
		ListUnsubscribeURL: h.Links.URL(u.ID, "digest"),
	})
	if err != nil {
		return err
	}
	return h.Store.RecordDelivery(ctx, u.ID, "digest", id)
}

// HandleDigestFanout is triggered by the scheduler and enqueues one digest
// task per subscriber.
func (h *Handlers) HandleDigestFanout(ctx context.Context, t *asynq.Task) error {
	ids, err := h.Store.DigestSubscribers(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		task, err := NewDigestTask(id)
		if err != nil {
			return err
		}
		if _, err := h.Enqueuer.EnqueueContext(ctx, task); err != nil && !errors.Is(err, asynq.ErrDuplicateTask) {
			return fmt.Errorf("enqueue digest for %d: %w", id, err)
		}
	}
	h.Logger.InfoContext(ctx, "digest fan-out done", "subscribers", len(ids))
	return nil
}

func (h *Handlers) HandlePasswordReset(ctx context.Context, t *asynq.Task) error {
	return fmt.Errorf("password reset e-mails are not implemented yet: %w", asynq.SkipRetry)
}

// Register wires every task type onto mux.
func (h *Handlers) Register(mux *asynq.ServeMux) {
	mux.HandleFunc(TypeWelcome, h.HandleWelcome)
	mux.HandleFunc(TypeReceipt, h.HandleReceipt)
	mux.HandleFunc(TypeDigest, h.HandleDigest)
	mux.HandleFunc(TypeDigestFanout, h.HandleDigestFanout)
	mux.HandleFunc(TypePasswordReset, h.HandlePasswordReset)
}
