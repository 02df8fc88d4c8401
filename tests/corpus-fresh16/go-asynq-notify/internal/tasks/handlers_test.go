package tasks

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/DATA-DOG/go-sqlmock"
	"github.com/hibiken/asynq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quaywise/notify/internal/push"
	"github.com/quaywise/notify/internal/store"
)

var testSigningKey = []byte("test-signing-key")

type fakeSender struct {
	sent []string
	ttls []time.Duration
	err  error
}

func (f *fakeSender) Send(_ context.Context, token string, _ push.Message, ttl time.Duration) (push.Receipt, error) {
	f.sent = append(f.sent, token)
	f.ttls = append(f.ttls, ttl)
	if f.err != nil {
		return push.Receipt{}, f.err
	}
	return push.Receipt{MessageID: "m-" + token}, nil
}

func newHandlers(t *testing.T) (*Handlers, sqlmock.Sqlmock, *fakeSender) {
	t.Helper()
	db, mock, err := sqlmock.New()
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	sender := &fakeSender{}
	return &Handlers{
		Store:  store.New(db),
		Push:   sender,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}, mock, sender
}

func pushTask(t *testing.T, userID string) *asynq.Task {
	t.Helper()
	task, err := NewPushTask(PushPayload{UserID: userID, Title: "Hi", Body: "there", TTLSeconds: 60}, testSigningKey)
	require.NoError(t, err)
	return task
}

func TestHandlePushSendDeliversToEveryDevice(t *testing.T) {
	h, mock, sender := newHandlers(t)
	mock.ExpectQuery("SELECT id, token, platform FROM devices").
		WithArgs("u1").
		WillReturnRows(sqlmock.NewRows([]string{"id", "token", "platform"}).
			AddRow(1, "tok-a", "android").
			AddRow(2, "tok-b", "ios"))
	mock.ExpectExec("INSERT INTO deliveries").WillReturnResult(sqlmock.NewResult(1, 1))
	mock.ExpectExec("INSERT INTO deliveries").WillReturnResult(sqlmock.NewResult(2, 1))

	require.NoError(t, h.HandlePushSend(context.Background(), pushTask(t, "u1")))

	assert.Equal(t, []string{"tok-a", "tok-b"}, sender.sent)
	assert.Equal(t, []time.Duration{time.Minute, time.Minute}, sender.ttls)
	assert.NoError(t, mock.ExpectationsWereMet())
}

func TestHandlePushSendSkipsRetryOnBadPayload(t *testing.T) {
	h, _, _ := newHandlers(t)
	err := h.HandlePushSend(context.Background(), asynq.NewTask(TypePushSend, []byte("{not json")))
	assert.ErrorIs(t, err, asynq.SkipRetry)
}

func TestHandlePushSendDisablesUnregisteredDevice(t *testing.T) {
	h, mock, sender := newHandlers(t)
	sender.err = push.ErrUnregistered
	mock.ExpectQuery("SELECT id, token, platform FROM devices").
		WillReturnRows(sqlmock.NewRows([]string{"id", "token", "platform"}).AddRow(7, "tok-stale", "ios"))
	mock.ExpectExec("UPDATE devices SET disabled_at").WithArgs(int64(7)).WillReturnResult(sqlmock.NewResult(0, 1))

	_ = h.HandlePushSend(context.Background(), pushTask(t, "u2"))
}

func TestRequireSignedPayloadRejectsTampering(t *testing.T) {
	var p PushPayload
	task := pushTask(t, "u3")
	require.NoError(t, json.Unmarshal(task.Payload(), &p))
	p.Title = "tampered"
	tampered, err := json.Marshal(p)
	require.NoError(t, err)

	handler := RequireSignedPayload(testSigningKey)(asynq.HandlerFunc(func(context.Context, *asynq.Task) error {
		t.Fatal("next handler must not run for a tampered payload")
		return nil
	}))

	err = handler.ProcessTask(context.Background(), asynq.NewTask(TypePushSend, tampered))
	require.ErrorIs(t, err, asynq.SkipRetry)
}
