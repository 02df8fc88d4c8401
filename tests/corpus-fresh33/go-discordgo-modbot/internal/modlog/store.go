// Package modlog persists moderation actions and appeal cases.
package modlog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Action struct {
	ID          int64     `db:"id"`
	GuildID     string    `db:"guild_id"`
	TargetID    string    `db:"target_id"`
	ModeratorID string    `db:"moderator_id"`
	Kind        string    `db:"kind"`
	Reason      string    `db:"reason"`
	CreatedAt   time.Time `db:"created_at"`
}

type Case struct {
	ID        int64      `db:"id"`
	TargetID  string     `db:"target_id"`
	Status    string     `db:"status"`
	Summary   string     `db:"summary"`
	ClosedBy  *string    `db:"closed_by"`
	ClosedAt  *time.Time `db:"closed_at"`
	CreatedAt time.Time  `db:"created_at"`
}

type Store struct {
	pool *pgxpool.Pool
}

func Open(ctx context.Context, dsn string) (*Store, error) {
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("modlog: connect: %w", err)
	}
	return &Store{pool: pool}, nil
}

func (s *Store) Close() { s.pool.Close() }

func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

func (s *Store) LogAction(ctx context.Context, a Action) error {
	_, err := s.pool.Exec(ctx,
		`INSERT INTO mod_actions (guild_id, target_id, moderator_id, kind, reason) VALUES ($1, $2, $3, $4, $5)`,
		a.GuildID, a.TargetID, a.ModeratorID, a.Kind, a.Reason)
	return err
}

func (s *Store) RecentActions(ctx context.Context, guildID string, limit int) ([]Action, error) {
	rows, err := s.pool.Query(ctx,
		`SELECT id, guild_id, target_id, moderator_id, kind, reason, created_at
		   FROM mod_actions WHERE guild_id = $1 ORDER BY created_at DESC LIMIT $2`, guildID, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return pgx.CollectRows(rows, pgx.RowToStructByName[Action])
}

func (s *Store) OpenCase(ctx context.Context, targetID, summary string) (int64, error) {
	var id int64
	err := s.pool.QueryRow(ctx,
		`INSERT INTO cases (target_id, summary, status) VALUES ($1, $2, 'open') RETURNING id`,
		targetID, summary).Scan(&id)
	return id, err
}

func (s *Store) OpenCases(ctx context.Context) ([]Case, error) {
	rows, err := s.pool.Query(ctx,
		`SELECT id, target_id, status, summary, closed_by, closed_at, created_at
		   FROM cases WHERE status = 'open' ORDER BY created_at`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return pgx.CollectRows(rows, pgx.RowToStructByName[Case])
}

// CloseCase marks the case closed and records the action in one transaction.
func (s *Store) CloseCase(ctx context.Context, id int64, moderatorID, resolution string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer func() {
		if rbErr := tx.Rollback(ctx); rbErr != nil && !errors.Is(rbErr, pgx.ErrTxClosed) {
			slog.Error("modlog: rollback failed", "case", id, "err", rbErr)
		}
	}()
	var targetID string
	err = tx.QueryRow(ctx,
		`UPDATE cases SET status = 'closed', closed_by = $2, closed_at = now()
		  WHERE id = $1 AND status = 'open' RETURNING target_id`, id, moderatorID).Scan(&targetID)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("case %d is not open", id)
	} else if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx,
		`INSERT INTO mod_actions (guild_id, target_id, moderator_id, kind, reason)
		 SELECT guild_id, $1, $2, 'case_closed', $3 FROM settings LIMIT 1`,
		targetID, moderatorID, resolution); err != nil {
		return err
	}
	return tx.Commit(ctx)
}
