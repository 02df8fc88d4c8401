// Service subscribers manages list sign-ups, confirmation and suppression.
package subscribers

import (
	"context"
	"net/mail"
	"strings"

	"encore.dev/beta/errs"
	"encore.dev/rlog"

	"encore.app/auth"
)

type SubscribeParams struct {
	ListID string `json:"list_id"`
	Email  string `json:"email"`
}

type SubscribeResponse struct {
	ID     int64  `json:"id"`
	Status string `json:"status"`
}

// Subscribe adds an address to a list. Public: it is called from the signup form.
//
//encore:api public method=POST path=/subscribe
func Subscribe(ctx context.Context, p *SubscribeParams) (*SubscribeResponse, error) {
	addr, err := mail.ParseAddress(strings.TrimSpace(p.Email))
	if err != nil {
		return nil, &errs.Error{Code: errs.InvalidArgument, Message: "invalid email address"}
	}
	s, err := insert(ctx, p.ListID, strings.ToLower(addr.Address))
	if err != nil {
		rlog.Error("subscribe failed", "list", p.ListID, "err", err)
		return nil, err
	}
	return &SubscribeResponse{ID: s.ID, Status: s.Status}, nil
}

type ConfirmResponse struct {
	Confirmed bool `json:"confirmed"`
}

// Confirm is the double opt-in link sent by email.
//
//encore:api public method=GET path=/confirm/:id/:token
func Confirm(ctx context.Context, id int64, token string) (*ConfirmResponse, error) {
	s, err := byID(ctx, id)
	if err != nil {
		return nil, err
	}
	if s.confirmToken != token {
		return nil, &errs.Error{Code: errs.PermissionDenied, Message: "invalid confirmation link"}
	}
	if _, err := db.Exec(ctx, `UPDATE subscribers SET status = 'confirmed', confirmed_at = now() WHERE id = $1`, id); err != nil {
		return nil, err
	}
	return &ConfirmResponse{Confirmed: true}, nil
}

type CountResponse struct {
	Active int `json:"active"`
}

//encore:api auth method=GET path=/lists/:listID/count
func Count(ctx context.Context, listID string) (*CountResponse, error) {
	if _, err := auth.Editor(); err != nil {
		return nil, err
	}
	n, err := countActive(ctx, listID, false)
	if err != nil {
		return nil, err
	}
	return &CountResponse{Active: n}, nil
}

type RecipientsResponse struct {
	Emails []string `json:"emails"`
}

// Recipients is used by the campaigns service when fanning out a send.
//
//encore:api private method=GET path=/internal/lists/:listID/recipients
func Recipients(ctx context.Context, listID string) (*RecipientsResponse, error) {
	emails, err := listEmails(ctx, listID, false)
	if err != nil {
		return nil, err
	}
	return &RecipientsResponse{Emails: emails}, nil
}

type SuppressParams struct {
	Email  string `json:"email"`
	Reason string `json:"reason"`
}

//encore:api private method=POST path=/internal/suppress
func Suppress(ctx context.Context, p *SuppressParams) error {
	_, err := db.Exec(ctx, `UPDATE subscribers SET suppressed_at = now(), status = 'suppressed' WHERE email = $1`,
		strings.ToLower(p.Email))
	if err != nil {
		rlog.Error("suppress failed", "reason", p.Reason, "err", err)
	}
	return err
}
