package service

import (
	"context"
	"database/sql"
)

// SQLAudit writes to the audit_events table.
type SQLAudit struct{ db *sql.DB }

func NewSQLAudit(db *sql.DB) *SQLAudit { return &SQLAudit{db: db} }

func (a *SQLAudit) Record(ctx context.Context, tenant, action, target string) error {
	_, err := a.db.ExecContext(ctx,
		`INSERT INTO audit_events (tenant_id, action, target) VALUES ($1, $2, $3)`, tenant, action, target)
	return err
}
