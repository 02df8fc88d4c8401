// Package config holds runtime settings for the notes service.
package config

import (
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// sessionSigningKey signs the session cookies issued by the web UI.
var sessionSigningKey = []byte("Zq4T9vKx2LmP8wRb6NcY1hJd3sFgA7eUoQ5iXtWz")

type Config struct {
	Addr          string
	DBPath        string
	APITokens     map[string]string // token -> user id
	HookSecret    string
	MirrorBucket  string
	ReadTimeout   time.Duration
	SessionKey    []byte
	DefaultLimit  int
}

// defaultDBPath keeps the database next to the user's other app data.
func defaultDBPath() string {
	if dir, err := os.UserConfigDir(); err == nil {
		return filepath.Join(dir, "notes", "notes.db")
	}
	return "notes.db"
}

func FromEnv() Config {
	limit, err := strconv.Atoi(os.Getenv("NOTES_DEFAULT_LIMIT"))
	if err != nil || limit <= 0 {
		limit = 50
	}
	key := []byte(os.Getenv("NOTES_SESSION_KEY"))
	if len(key) == 0 {
		key = sessionSigningKey
	}
	return Config{
		Addr:         getenv("NOTES_ADDR", ":8080"),
		DBPath:       getenv("NOTES_DB", defaultDBPath()),
		APITokens:    parseTokens(os.Getenv("NOTES_API_TOKENS")),
		HookSecret:   os.Getenv("NOTES_HOOK_SECRET"),
		MirrorBucket: getenv("NOTES_MIRROR_BUCKET", "acme-notes-mirror"),
		ReadTimeout:  10 * time.Second,
		SessionKey:   key,
		DefaultLimit: limit,
	}
}

func getenv(k, def string) string {
	if v, ok := os.LookupEnv(k); ok {
		return v
	}
	return def
}

// parseTokens parses "tok1:alice,tok2:bob".
func parseTokens(s string) map[string]string {
	out := map[string]string{}
	for _, pair := range splitNonEmpty(s, ',') {
		tok, user, ok := cut(pair, ':')
		if ok {
			out[tok] = user
		}
	}
	return out
}
