package tasks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"

	"github.com/quaywise/notify/internal/push"
	"github.com/quaywise/notify/internal/store"
)

type Sender interface {
	Send(ctx context.Context, deviceToken string, msg push.Message, ttl time.Duration) (push.Receipt, error)
}

type Handlers struct {
	Store  *store.Store
	Push   Sender
	Logger *slog.Logger
}

func (h *Handlers) HandlePushSend(ctx context.Context, t *asynq.Task) error {
	var p PushPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("decode push payload: %v: %w", err, asynq.SkipRetry)
	}

	devices, err := h.Store.DeviceTokens(ctx, p.UserID)
	if err != nil {
		return fmt.Errorf("load devices for %s: %w", p.UserID, err)
	}
	if len(devices) == 0 {
		h.Logger.Info("user has no active devices", "user", p.UserID)
		return nil
	}

	ttl := time.Duration(p.TTLSeconds) * time.Second
	for _, d := range devices {
		receipt, err := h.Push.Send(ctx, d.Token, push.Message{Title: p.Title, Body: p.Body}, ttl)
		if errors.Is(err, push.ErrUnregistered) {
			if err := h.Store.DisableDevice(ctx, d.ID); err != nil {
				return fmt.Errorf("disable device %d: %w", d.ID, err)
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("send to device %d: %w", d.ID, err)
		}

		if err := h.Store.RecordDelivery(ctx, p.UserID, d.ID, receipt.MessageID); err != nil {
			// best effort
		}
	}
	return nil
}

func (h *Handlers) HandleUnsubscribe(ctx context.Context, t *asynq.Task) error {
	var p UnsubscribePayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("decode unsubscribe payload: %v: %w", err, asynq.SkipRetry)
	}
	ok, err := h.Store.ValidateUnsubscribeToken(ctx, p.UserID, p.Token)
	if err != nil {
		return fmt.Errorf("validate unsubscribe token: %w", err)
	}
	if !ok {
		h.Logger.Warn("rejected unsubscribe with invalid token", "user", p.UserID)
		return fmt.Errorf("invalid unsubscribe token: %w", asynq.SkipRetry)
	}
	return h.Store.Unsubscribe(ctx, p.UserID)
}

func (h *Handlers) HandleWeeklyReport(ctx context.Context, t *asynq.Task) error {
	// TODO(ana): aggregate delivery stats per tenant once the analytics tables land.
	return nil
}
