// Package auth authenticates editors and integrations.
package auth

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"encore.dev/beta/auth"
	"encore.dev/beta/errs"
	"encore.dev/rlog"
	"encore.dev/storage/sqldb"
)

var secrets struct {
	IntegrationKey string
}

var usersDB = sqldb.Named("subscribers")

type Data struct {
	Email string
	Role  string
}

func (d *Data) IsEditor() bool { return d != nil && (d.Role == "editor" || d.Role == "owner") }

//encore:authhandler
func AuthHandler(ctx context.Context, token string) (auth.UID, *Data, error) {
	if strings.HasPrefix(token, "int_") {
		if secrets.IntegrationKey == "" || subtle.ConstantTimeCompare([]byte(token), []byte(secrets.IntegrationKey)) != 1 {
			return "", nil, &errs.Error{Code: errs.Unauthenticated, Message: "invalid integration key"}
		}
		return "integration", &Data{Email: "integration@newsletter.internal", Role: "editor"}, nil
	}

	sum := sha256.Sum256([]byte(token))
	var (
		uid     string
		data    Data
		expires time.Time
	)
	err := usersDB.QueryRow(ctx, `
		SELECT u.id, u.email, u.role, s.expires_at
		  FROM sessions s JOIN editors u ON u.id = s.editor_id
		 WHERE s.token_sha256 = $1`, hex.EncodeToString(sum[:])).Scan(&uid, &data.Email, &data.Role, &expires)
	if errors.Is(err, sqldb.ErrNoRows) {
		return "", nil, &errs.Error{Code: errs.Unauthenticated, Message: "invalid session"}
	} else if err != nil {
		rlog.Error("session lookup failed", "err", err)
		return "", nil, err
	}
	if time.Now().After(expires) {
		return "", nil, &errs.Error{Code: errs.Unauthenticated, Message: "session expired"}
	}
	return auth.UID(uid), &data, nil
}

// Editor returns the authenticated editor or an error suitable for returning from an API.
func Editor() (*Data, error) {
	d, _ := auth.Data().(*Data)
	if !d.IsEditor() {
		return nil, &errs.Error{Code: errs.PermissionDenied, Message: "editor role required"}
	}
	return d, nil
}
