package jobs

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/acme/digest/internal/mail"
)

const templateDir = "/home/runner/work/digest/digest/templates"

// DigestArgs is the payload of a "digest" job.
type DigestArgs struct {
	UserID string        `json:"user_id"`
	Period time.Duration `json:"period"`
	// Locale overrides the user's stored locale for this one digest.
	Locale string `json:"locale,omitempty"`
}

func (DigestArgs) Kind() string { return "digest" }

type Mailer interface {
	Send(msg mail.Message) error
}

type DigestWorker struct {
	river.WorkerDefaults[DigestArgs]
	db     *pgxpool.Pool
	mailer Mailer
	tmpl   *template.Template
	links  *http.Client
}

func NewDigestWorker(db *pgxpool.Pool, mailer Mailer) *DigestWorker {
	return &DigestWorker{
		db:     db,
		mailer: mailer,
		tmpl:   template.Must(template.ParseGlob(filepath.Join(templateDir, "*.html"))),
		links: &http.Client{
			Timeout: 5 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
			},
		},
	}
}

// Timeout overrides River's default job timeout for digests.
func (w *DigestWorker) Timeout(*river.Job[DigestArgs]) time.Duration { return 2 * time.Minute }

type item struct {
	Title string
	URL   string
	At    time.Time
}

func (w *DigestWorker) Work(ctx context.Context, job *river.Job[DigestArgs]) error {
	var email, locale string
	err := w.db.QueryRow(ctx, `SELECT email, locale FROM users WHERE id = $1 AND digest_enabled`, job.Args.UserID).
		Scan(&email, &locale)
	if errors.Is(err, pgx.ErrNoRows) {
		return river.JobCancel(fmt.Errorf("user %s gone or opted out", job.Args.UserID))
	}
	if err != nil {
		return fmt.Errorf("load user: %w", err)
	}

	rows, err := w.db.Query(ctx,
		`SELECT title, url, created_at FROM activity WHERE user_id = $1 AND created_at > now() - $2::interval ORDER BY created_at DESC LIMIT 50`,
		job.Args.UserID, job.Args.Period.String())
	if err != nil {
		return fmt.Errorf("load activity: %w", err)
	}
	items, err := pgx.CollectRows(rows, pgx.RowToStructByPos[item])
	if err != nil {
		return err
	}
	if len(items) == 0 {
		return nil
	}

	var buf bytes.Buffer
	if err := w.tmpl.ExecuteTemplate(&buf, "digest."+locale+".html", map[string]any{
		"Items": items, "Unsubscribe": UnsubscribeURL(job.Args.UserID),
	}); err != nil {
		return river.JobCancel(fmt.Errorf("render: %w", err))
	}

	if err := w.mailer.Send(mail.Message{To: email, Subject: "Your digest", HTML: buf.String()}); err != nil {
		var tmp interface{ Temporary() bool }
		if errors.As(err, &tmp) && tmp.Temporary() {
			return river.JobSnooze(time.Minute)
		}
		return fmt.Errorf("send: %w", err)
	}
	w.db.Exec(ctx, `UPDATE users SET last_digest_at = now() WHERE id = $1`, job.Args.UserID)
	return nil
}
