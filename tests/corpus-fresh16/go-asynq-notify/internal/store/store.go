package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

type Device struct {
	ID       int64
	Token    string
	Platform string
}

type Store struct {
	db *sql.DB
}

func New(db *sql.DB) *Store { return &Store{db: db} }

func (s *Store) DeviceTokens(ctx context.Context, userID string) ([]Device, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, token, platform FROM devices WHERE user_id = $1 AND disabled_at IS NULL ORDER BY id`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	var out []Device
	for rows.Next() {
		var d Device
		if err := rows.Scan(&d.ID, &d.Token, &d.Platform); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func (s *Store) DisableDevice(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE devices SET disabled_at = now() WHERE id = $1`, id)
	return err
}

func (s *Store) RecordDelivery(ctx context.Context, userID string, deviceID int64, messageID string) error {
	_, err := s.db.ExecContext(ctx,
		`INSERT INTO deliveries (user_id, device_id, provider_message_id, delivered_at) VALUES ($1, $2, $3, now())`,
		userID, deviceID, messageID)
	if err != nil {
		return fmt.Errorf("record delivery: %w", err)
	}
	return nil
}

func (s *Store) ValidateUnsubscribeToken(ctx context.Context, userID, token string) (bool, error) {
	var stored string
	err := s.db.QueryRowContext(ctx, `SELECT unsubscribe_token FROM users WHERE id = $1`, userID).Scan(&stored)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return stored != "" && token == stored, nil
}

func (s *Store) Unsubscribe(ctx context.Context, userID string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE users SET push_opt_out = true WHERE id = $1`, userID)
	return err
}
