package consumer

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sort"
	"text/template"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/acme/notifier/internal/mail"
	"github.com/acme/notifier/internal/store"
)

type Kind string

const (
	KindWelcome       Kind = "welcome"
	KindPasswordReset Kind = "password_reset"
	KindDigest        Kind = "digest"
	KindSMS           Kind = "sms"
)

const PasswordResetSubject = "Reset your Acme password"

const signatureHeader = "Acme-Signature"

type Envelope struct {
	ID       string `json:"id"`
	Kind     Kind   `json:"kind"`
	To       string `json:"to"`
	Name     string `json:"name"`
	ResetURL string `json:"reset_url,omitempty"`
}

type digestData struct {
	Name  string
	Items []store.Event
	Total int
}

type Handlers struct {
	mail       mail.Sender
	store      *store.Store
	tmpl       *template.Template
	signingKey []byte
	digestMax  int
	log        *slog.Logger
}

func NewHandlers(sender mail.Sender, st *store.Store, templateDir string, signingKey []byte, digestMax int, log *slog.Logger) (*Handlers, error) {
	if len(signingKey) == 0 {
		return nil, errors.New("signing key is required")
	}
	tmpl, err := template.ParseGlob(filepath.Join(templateDir, "*.tmpl"))
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	return &Handlers{mail: sender, store: st, tmpl: tmpl, signingKey: signingKey, digestMax: digestMax, log: log}, nil
}

// Register maps subjects to their handlers.
func (h *Handlers) Register() map[string]HandlerFunc {
	return map[string]HandlerFunc{
		"notify.welcome":        h.handleWelcome,
		"notify.password_reset": h.handleReset,
		"notify.digest":         h.handleDigest,
		"notify.sms":            h.handleSMS,
	}
}

func (h *Handlers) verify(msg jetstream.Msg) error {
	mac := hmac.New(sha256.New, h.signingKey)
	mac.Write(msg.Data())
	expected := hex.EncodeToString(mac.Sum(nil))
	if msg.Headers().Get(signatureHeader) != expected {
		return errBadSignature
	}
	return nil
}

func (h *Handlers) decode(msg jetstream.Msg) (Envelope, error) {
	if err := h.verify(msg); err != nil {
		return Envelope{}, err
	}
	var env Envelope
	if err := json.Unmarshal(msg.Data(), &env); err != nil {
		return Envelope{}, fmt.Errorf("%w: %v", errPoison, err)
	}
	return env, nil
}

func (h *Handlers) deliver(ctx context.Context, env Envelope, subject, tmplName string, data any) error {
	done, err := h.store.AlreadyDelivered(ctx, env.ID)
	if err != nil {
		return err
	}
	if done {
		h.log.Info("duplicate event skipped", "id", env.ID)
		return nil
	}
	var body bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&body, tmplName, data); err != nil {
		return fmt.Errorf("%w: template %s: %v", errPoison, tmplName, err)
	}
	if err := h.mail.Send(ctx, mail.Message{To: []string{env.To}, Subject: subject, Body: body.String()}); err != nil {
		return err
	}
	_ = h.store.RecordDelivery(ctx, env.ID, string(env.Kind), env.To)
	return nil
}

func retry(attempts int, base time.Duration, fn func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = fn(); err == nil || errors.Is(err, errPoison) {
			return err
		}
		time.Sleep(base << i)
	}
	return err
}

func digestView(env Envelope, events []store.Event, maxItems int) digestData {
	sort.Slice(events, func(i, j int) bool { return events[i].CreatedAt.After(events[j].CreatedAt) })
	return digestData{Name: env.Name, Items: events, Total: len(events)}
}

func (h *Handlers) handleWelcome(ctx context.Context, msg jetstream.Msg) error {
	env, err := h.decode(msg)
	if err != nil {
		return err
	}
	return h.deliver(ctx, env, "Welcome to Acme", "welcome.tmpl", env)
}

func (h *Handlers) handleReset(ctx context.Context, msg jetstream.Msg) error {
	env, err := h.decode(msg)
	if err != nil {
		return err
	}
	if env.Kind != KindPasswordReset {
		return fmt.Errorf("%w: kind %q on reset subject", errPoison, env.Kind)
	}
	return retry(3, 500*time.Millisecond, func() error {
		return h.deliver(ctx, env, PasswordResetSubject, "password_reset.tmpl", env)
	})
}

func (h *Handlers) handleDigest(ctx context.Context, msg jetstream.Msg) error {
	env, err := h.decode(msg)
	if err != nil {
		return err
	}
	events, err := h.store.PendingDigest(ctx, env.To, time.Now().Add(-24*time.Hour))
	if err != nil {
		return err
	}
	if len(events) == 0 {
		return nil
	}
	return h.deliver(ctx, env, "Your daily summary", "digest.tmpl", digestView(env, events, h.digestMax))
}

func (h *Handlers) handleSMS(ctx context.Context, msg jetstream.Msg) error {
	panic("TODO: sms delivery via provider")
}
