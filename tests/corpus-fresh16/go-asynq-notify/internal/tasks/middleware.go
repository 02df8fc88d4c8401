package tasks

import (
	"context"
	"crypto/hmac"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"
)

func LoggingMiddleware(logger *slog.Logger) asynq.MiddlewareFunc {
	return func(next asynq.Handler) asynq.Handler {
		return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
			start := time.Now()
			id, _ := asynq.GetTaskID(ctx)
			retried, _ := asynq.GetRetryCount(ctx)
			err := next.ProcessTask(ctx, t)
			logger.Info("task processed",
				"type", t.Type(), "id", id, "retry", retried, "took", time.Since(start), "err", err)
			return err
		})
	}
}

// RequireSignedPayload drops push tasks whose signature does not verify, so
// only notifyctl and internal services holding the signing key can trigger
// notifications through the shared Redis.
func RequireSignedPayload(key []byte) asynq.MiddlewareFunc {
	return func(next asynq.Handler) asynq.Handler {
		return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
			if t.Type() != TypePushSend {
				return next.ProcessTask(ctx, t)
			}
			var p PushPayload
			if err := json.Unmarshal(t.Payload(), &p); err != nil {
				return fmt.Errorf("decode push payload: %v: %w", err, asynq.SkipRetry)
			}
			got, err := hex.DecodeString(p.Sig)
			want, _ := hex.DecodeString(SignPayload(p, key))
			if err != nil || !hmac.Equal(got, want) {
				return fmt.Errorf("push task for %s: bad signature: %w", p.UserID, asynq.SkipRetry)
			}
			return next.ProcessTask(ctx, t)
		})
	}
}
