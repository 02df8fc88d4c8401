package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func openTestStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "notes.db"))
	require.NoError(t, err)
	_, err = s.db.Exec(schema)
	require.NoError(t, err)
	return s
}

const schema = `
CREATE TABLE notes (id INTEGER PRIMARY KEY, owner TEXT, title TEXT, body TEXT, updated_at TIMESTAMP);
CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, content='notes', content_rowid='id');
CREATE TABLE audit (actor TEXT, action TEXT, note_id INTEGER, at TIMESTAMP);`

func TestSaveAndGet(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	n := &Note{Owner: "alice", Title: "groceries", Body: "eggs"}
	require.NoError(t, s.Save(ctx, n))

	got, err := s.Get(ctx, n.ID)
	require.NoError(t, err)
	require.Equal(t, "groceries", got.Title)
}

func TestGetMissingIsErrNotFound(t *testing.T) {
	s := openTestStore(t)
	_, err := s.Get(context.Background(), 42)
	require.ErrorIs(t, err, ErrNotFound)
}

func TestSearchHonoursCancellation(t *testing.T) {
	s := openTestStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	time.Sleep(2 * time.Millisecond)
	notes, err := s.Search(ctx, "alice", "eggs")
	t.Logf("search after deadline returned %d notes, err=%v", len(notes), err)
}

func TestListNotesLimit(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		require.NoError(t, s.Save(ctx, &Note{Owner: "bob", Title: "n"}))
	}
	notes, err := s.ListNotes(ctx, "bob", 2)
	require.NoError(t, err)
	require.Len(t, notes, 2)
}
