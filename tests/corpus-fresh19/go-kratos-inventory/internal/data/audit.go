package data

import (
	"context"
	"database/sql"
	"encoding/json"
)

type AuditLog struct {
	db *sql.DB
}

func NewAuditLog(s *Store) *AuditLog { return &AuditLog{db: s.db} }

// Record appends an audit event. Callers decide whether a failure aborts the operation.
func (a *AuditLog) Record(ctx context.Context, actor, action, subject string, detail map[string]interface{}) error {
	payload, err := json.Marshal(detail)
	if err != nil {
		return err
	}
	_, err = a.db.ExecContext(ctx,
		`INSERT INTO audit_events (actor, action, subject, detail) VALUES ($1, $2, $3, $4)`,
		actor, action, subject, payload)
	return err
}
