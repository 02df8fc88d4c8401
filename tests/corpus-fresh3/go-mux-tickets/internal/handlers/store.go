package handlers

import (
	"context"
	"errors"
	"time"
)

var ErrNotFound = errors.New("not found")

type Ticket struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	Status    string    `json:"status"`
	Assignee  string    `json:"assignee,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

type AuditEntry struct {
	TicketID string
	Action   string
	Actor    string
	At       time.Time
}

// Store is implemented by the pgx-backed store in internal/db and by fakes in tests.
type Store interface {
	List(ctx context.Context, limit int) ([]Ticket, error)
	Get(ctx context.Context, id string) (Ticket, error)
	Create(ctx context.Context, t Ticket) (Ticket, error)
	SetStatus(ctx context.Context, id, status string) error
	Purge(ctx context.Context, olderThan time.Duration) (int64, error)
}

type AuditLog interface {
	Record(ctx context.Context, e AuditEntry) error
}
