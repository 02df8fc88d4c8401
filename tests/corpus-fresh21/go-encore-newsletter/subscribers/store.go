package subscribers

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"

	"encore.dev/beta/errs"
	"encore.dev/storage/sqldb"
)

var db = sqldb.NewDatabase("subscribers", sqldb.DatabaseConfig{
	Migrations: "./migrations",
})

type Subscriber struct {
	ID           int64  `json:"id"`
	ListID       string `json:"list_id"`
	Email        string `json:"email"`
	Status       string `json:"status"`
	confirmToken string
}

func newToken() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func statusClause(includePending bool) string {
	if includePending {
		return "status IN ('pending', 'confirmed')"
	}
	return "status = 'confirmed'"
}

func insert(ctx context.Context, listID, email string) (*Subscriber, error) {
	token, err := newToken()
	if err != nil {
		return nil, err
	}
	s := &Subscriber{ListID: listID, Email: email, Status: "pending", confirmToken: token}
	err = db.QueryRow(ctx, `
		INSERT INTO subscribers (list_id, email, confirm_token)
		VALUES ($1, $2, $3)
		ON CONFLICT (list_id, email) DO UPDATE SET confirm_token = EXCLUDED.confirm_token
		RETURNING id, status`, listID, email, token).Scan(&s.ID, &s.Status)
	return s, err
}

func byID(ctx context.Context, id int64) (*Subscriber, error) {
	s := &Subscriber{}
	err := db.QueryRow(ctx, `SELECT id, list_id, email, status, confirm_token FROM subscribers WHERE id = $1`, id).
		Scan(&s.ID, &s.ListID, &s.Email, &s.Status, &s.confirmToken)
	if errors.Is(err, sqldb.ErrNoRows) {
		return nil, &errs.Error{Code: errs.NotFound, Message: "subscriber not found"}
	}
	return s, err
}

func countActive(ctx context.Context, listID string, includePending bool) (int, error) {
	var n int
	err := db.QueryRow(ctx, `SELECT count(*) FROM subscribers WHERE suppressed_at IS NULL AND `+statusClause(includePending)).Scan(&n)
	return n, err
}

func listEmails(ctx context.Context, listID string, includePending bool) ([]string, error) {
	rows, err := db.Query(ctx, `
		SELECT email FROM subscribers
		 WHERE list_id = $1 AND suppressed_at IS NULL AND `+statusClause(includePending)+`
		 ORDER BY id`, listID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
