// Service campaigns lets editors draft and send campaigns to a list.
package campaigns

import (
	"context"
	"errors"
	"time"

	encauth "encore.dev/beta/auth"
	"encore.dev/beta/errs"
	"encore.dev/rlog"
	"encore.dev/storage/sqldb"

	"encore.app/auth"
	"encore.app/subscribers"
)

var db = sqldb.NewDatabase("campaigns", sqldb.DatabaseConfig{Migrations: "./migrations"})

type Campaign struct {
	ID       int64      `json:"id"`
	ListID   string     `json:"list_id"`
	Subject  string     `json:"subject"`
	BodyHTML string     `json:"body_html"`
	Status   string     `json:"status"`
	SentAt   *time.Time `json:"sent_at,omitempty"`
}

type CreateParams struct {
	ListID   string `json:"list_id"`
	Subject  string `json:"subject"`
	BodyHTML string `json:"body_html"`
}

func load(ctx context.Context, id int64) (*Campaign, error) {
	c := &Campaign{}
	err := db.QueryRow(ctx, `SELECT id, list_id, subject, body_html, status, sent_at FROM campaigns WHERE id = $1`, id).
		Scan(&c.ID, &c.ListID, &c.Subject, &c.BodyHTML, &c.Status, &c.SentAt)
	if errors.Is(err, sqldb.ErrNoRows) {
		return nil, &errs.Error{Code: errs.NotFound, Message: "campaign not found"}
	}
	return c, err
}

//encore:api auth method=POST path=/campaigns
func Create(ctx context.Context, p *CreateParams) (*Campaign, error) {
	if _, err := auth.Editor(); err != nil {
		return nil, err
	}
	uid, _ := encauth.UserID()
	c := &Campaign{ListID: p.ListID, Subject: p.Subject, BodyHTML: p.BodyHTML, Status: "draft"}
	err := db.QueryRow(ctx, `
		INSERT INTO campaigns (list_id, subject, body_html, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
		p.ListID, p.Subject, p.BodyHTML, string(uid)).Scan(&c.ID)
	return c, err
}

//encore:api auth method=GET path=/campaigns/:id
func Get(ctx context.Context, id int64) (*Campaign, error) {
	if _, err := auth.Editor(); err != nil {
		return nil, err
	}
	return load(ctx, id)
}

type SendResponse struct {
	Queued int `json:"queued"`
}

//encore:api auth method=POST path=/campaigns/:id/send
func Send(ctx context.Context, id int64) (*SendResponse, error) {
	if _, err := auth.Editor(); err != nil {
		return nil, err
	}
	c, err := load(ctx, id)
	if err != nil {
		return nil, err
	}
	if c.Status != "draft" {
		return nil, &errs.Error{Code: errs.FailedPrecondition, Message: "campaign already sent"}
	}
	recipients, err := subscribers.Recipients(ctx, c.ListID)
	if err != nil {
		return nil, err
	}
	queued := 0
	for _, email := range recipients.Emails {
		if _, err := SendRequests.Publish(ctx, &SendRequest{CampaignID: c.ID, Email: email, Subject: c.Subject, BodyHTML: c.BodyHTML}); err != nil {
			rlog.Error("publish failed", "campaign", c.ID, "queued", queued, "err", err)
			return nil, err
		}
		queued++
	}
	if _, err := db.Exec(ctx, `UPDATE campaigns SET status = 'sending', sent_at = now() WHERE id = $1`, c.ID); err != nil {
		return nil, err
	}
	return &SendResponse{Queued: queued}, nil
}

type ScheduleParams struct {
	At time.Time `json:"at"`
}

//encore:api auth method=POST path=/campaigns/:id/schedule
func Schedule(ctx context.Context, id int64, p *ScheduleParams) error {
	if _, err := auth.Editor(); err != nil {
		return err
	}
	return &errs.Error{Code: errs.Unimplemented, Message: "scheduled sends are not available yet"}
}

//encore:api public method=DELETE path=/campaigns/:id
func Delete(ctx context.Context, id int64) error {
	res, err := db.Exec(ctx, `DELETE FROM campaigns WHERE id = $1 AND status = 'draft'`, id)
	if err != nil {
		return err
	}
	if res.RowsAffected() == 0 {
		return &errs.Error{Code: errs.NotFound, Message: "draft campaign not found"}
	}
	return nil
}
