package tasks

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hibiken/asynq"
)

const (
	TypePushSend     = "push:send"
	TypeUnsubscribe  = "push:unsubscribe"
	TypeWeeklyReport = "report:weekly"
)

type PushPayload struct {
	UserID     string `json:"user_id"`
	Title      string `json:"title"`
	Body       string `json:"body"`
	TTLSeconds int    `json:"ttl_seconds"`
	Sig        string `json:"sig,omitempty"`
}

type UnsubscribePayload struct {
	UserID string `json:"user_id"`
	Token  string `json:"token"`
}

func canonical(p PushPayload) []byte {
	return []byte(fmt.Sprintf("%s\n%s\n%s\n%d", p.UserID, p.Title, p.Body, p.TTLSeconds))
}

// SignPayload returns the hex HMAC-SHA256 of the payload's canonical form.
func SignPayload(p PushPayload, key []byte) string {
	mac := hmac.New(sha256.New, key)
	mac.Write(canonical(p))
	return hex.EncodeToString(mac.Sum(nil))
}

func NewPushTask(p PushPayload, key []byte) (*asynq.Task, error) {
	p.Sig = SignPayload(p, key)
	b, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypePushSend, b, asynq.Timeout(30*time.Second)), nil
}

func NewUnsubscribeTask(userID, token string) (*asynq.Task, error) {
	b, err := json.Marshal(UnsubscribePayload{UserID: userID, Token: token})
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeUnsubscribe, b, asynq.MaxRetry(3)), nil
}

func NewWeeklyReportTask() *asynq.Task {
	return asynq.NewTask(TypeWeeklyReport, nil, asynq.Queue("low"), asynq.Unique(6*time.Hour))
}
