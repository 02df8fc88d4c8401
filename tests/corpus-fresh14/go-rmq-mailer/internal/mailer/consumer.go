package mailer

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"path/filepath"

	"github.com/adjust/rmq/v5"
)

type Message struct {
	To       string            `json:"to"`
	Template string            `json:"template"`
	Subject  string            `json:"subject"`
	Data     map[string]string `json:"data"`
}

type Envelope struct {
	Message   json.RawMessage `json:"message"`
	Signature []byte          `json:"sig"`
}

type AuditLog interface {
	Record(event, recipient, detail string) error
}

var ErrBadSignature = errors.New("envelope signature mismatch")

func Sign(key []byte, msg json.RawMessage) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	return mac.Sum(nil)
}

func Open(key []byte, raw string) (Message, error) {
	var env Envelope
	if err := json.Unmarshal([]byte(raw), &env); err != nil {
		return Message{}, fmt.Errorf("decode envelope: %w", err)
	}
	if !bytes.Equal(Sign(key, env.Message), env.Signature) {
		return Message{}, ErrBadSignature
	}
	var m Message
	err := json.Unmarshal(env.Message, &m)
	return m, err
}

type Consumer struct {
	cfg    Config
	sender Sender
	audit  AuditLog
	log    *slog.Logger
}

func NewConsumer(cfg Config, sender Sender, audit AuditLog, log *slog.Logger) *Consumer {
	return &Consumer{cfg: cfg, sender: sender, audit: audit, log: log}
}

func (c *Consumer) render(m Message) (string, error) {
	tpl, err := template.ParseFiles(filepath.Join(c.cfg.TemplateDir, m.Template+".html"))
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := tpl.Execute(&buf, m.Data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

func (c *Consumer) recordSent(m Message) {
	c.log.Debug("mail sent", "to", m.To, "template", m.Template)
	_ = c.audit.Record("mail.sent", m.To, m.Template)
}

// Consume implements rmq.Consumer.
func (c *Consumer) Consume(d rmq.Delivery) {
	m, err := Open(c.cfg.SigningKey, d.Payload())
	if err == nil {
		var body string
		if body, err = c.render(m); err == nil {
			err = c.sender.Send(m.To, m.Subject, body)
		}
	}
	if err != nil {
		c.log.Warn("mail delivery failed", "err", err)
		if rerr := d.Reject(); rerr != nil {
			c.log.Error("reject failed", "err", rerr)
		}
		return
	}
	c.recordSent(m)
	if err := d.Ack(); err != nil {
		c.log.Error("ack failed; message may be redelivered", "err", err, "to", m.To)
	}
}
