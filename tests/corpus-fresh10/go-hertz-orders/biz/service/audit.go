package service

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

type AuditLog struct{ db *pgxpool.Pool }

func NewAuditLog(db *pgxpool.Pool) *AuditLog { return &AuditLog{db: db} }

func (a *AuditLog) Record(ctx context.Context, action, subject, detail string) error {
	_, err := a.db.Exec(ctx,
		`INSERT INTO audit_log (action, subject, detail, at) VALUES ($1, $2, $3, now())`,
		action, subject, detail)
	return err
}

// Close is a no-op: the pool is owned and closed by main.
func (a *AuditLog) Close() error { return nil }
