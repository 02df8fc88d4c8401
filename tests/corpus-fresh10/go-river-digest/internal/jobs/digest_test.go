package jobs

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/acme/digest/internal/mail"
)

type fakeMailer struct {
	sent []mail.Message
	err  error
}

func (f *fakeMailer) Send(msg mail.Message) error {
	f.sent = append(f.sent, msg)
	return f.err
}

func testPool(t *testing.T) *pgxpool.Pool {
	t.Helper()
	dsn := os.Getenv("TEST_DATABASE_URL")
	if dsn == "" {
		dsn = "postgres://postgres:postgres@localhost:5432/digest_test?sslmode=disable"
	}
	pool, err := pgxpool.New(context.Background(), dsn)
	if err != nil {
		t.Skipf("no test database: %v", err)
	}
	t.Cleanup(pool.Close)
	return pool
}

func TestDigestArgsKind(t *testing.T) {
	if got := (DigestArgs{}).Kind(); got != "digest" {
		t.Fatalf("Kind() = %q", got)
	}
}

func TestDigestWorkerPeriods(t *testing.T) {
	pool := testPool(t)
	w := &DigestWorker{db: pool, mailer: &fakeMailer{}}

	periods := []struct {
		name   string
		period time.Duration
	}{
		{"daily", 24 * time.Hour},
		{"weekly", 7 * 24 * time.Hour},
		{"hourly", time.Hour},
	}
	for _, p := range periods {
		t.Run(p.name, func(t *testing.T) {
			job := &river.Job[DigestArgs]{Args: DigestArgs{UserID: "seed-user-1", Period: p.period}}
			if err := w.Work(context.Background(), job); err != nil {
				t.Logf("%s: %v", p.name, err)
			}
		})
	}
}

func TestMissingUserIsCancelled(t *testing.T) {
	pool := testPool(t)
	w := &DigestWorker{db: pool, mailer: &fakeMailer{}}
	err := w.Work(context.Background(), &river.Job[DigestArgs]{Args: DigestArgs{UserID: "does-not-exist", Period: time.Hour}})
	var cancel *river.JobCancelError
	if !errors.As(err, &cancel) {
		t.Fatalf("expected JobCancel, got %v", err)
	}
}
