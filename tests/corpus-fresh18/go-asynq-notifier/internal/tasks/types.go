// Package tasks defines the notifier's task types, payloads and handlers.
package tasks

import (
	"encoding/json"
	"time"

	"github.com/hibiken/asynq"
)

const (
	TypeWelcome       = "email:welcome"
	TypeReceipt       = "email:receipt"
	TypeDigest        = "email:digest"
	TypeDigestFanout  = "email:digest:fanout"
	TypePasswordReset = "email:password_reset"
)

type WelcomePayload struct {
	UserID     int64  `json:"user_id"`
	TemplateID string `json:"template_id,omitempty"`
}

type ReceiptPayload struct {
	UserID      int64  `json:"user_id"`
	OrderID     string `json:"order_id"`
	AmountCents int64  `json:"amount_cents"`
	Currency    string `json:"currency"`
}

type DigestPayload struct {
	UserID int64 `json:"user_id"`
}

type PasswordResetPayload struct {
	UserID    int64     `json:"user_id"`
	ExpiresAt time.Time `json:"expires_at"`
}

func NewWelcomeTask(userID int64) (*asynq.Task, error) {
	b, err := json.Marshal(WelcomePayload{UserID: userID})
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeWelcome, b, asynq.MaxRetry(10), asynq.Queue("default")), nil
}

func NewReceiptTask(p ReceiptPayload) (*asynq.Task, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeReceipt, b, asynq.MaxRetry(20), asynq.Queue("critical"), asynq.TaskID("receipt:"+p.OrderID)), nil
}

func NewDigestTask(userID int64) (*asynq.Task, error) {
	b, err := json.Marshal(DigestPayload{UserID: userID})
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeDigest, b, asynq.MaxRetry(3), asynq.Queue("low"), asynq.Unique(20*time.Hour)), nil
}
