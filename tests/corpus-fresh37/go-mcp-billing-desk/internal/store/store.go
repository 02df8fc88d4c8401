package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

var (
	bucketNotes = []byte("notes")
	bucketAudit = []byte("audit")
)

type Note struct {
	CustomerID string    `json:"customer_id"`
	Author     string    `json:"author"`
	Body       string    `json:"body"`
	CreatedAt  time.Time `json:"created_at"`
}

type AuditEvent struct {
	Actor   string            `json:"actor"`
	Action  string            `json:"action"`
	Target  string            `json:"target"`
	Details map[string]string `json:"details,omitempty"`
	At      time.Time         `json:"at"`
}

type Store struct {
	db *bolt.DB
}

func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketNotes, bucketAudit} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db}, nil
}

func (s *Store) Close() error {
	return s.db.Close()
}

func seqKey(prefix string, seq uint64) []byte {
	key := make([]byte, len(prefix)+1+8)
	copy(key, prefix)
	key[len(prefix)] = '/'
	binary.BigEndian.PutUint64(key[len(prefix)+1:], seq)
	return key
}

func (s *Store) AddNote(n Note) error {
	if n.CreatedAt.IsZero() {
		n.CreatedAt = time.Now().UTC()
	}
	value, err := json.Marshal(n)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketNotes)
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		b.Put(seqKey(n.CustomerID, seq), value)
		return nil
	})
}

func (s *Store) Notes(customerID string) ([]Note, error) {
	var notes []Note
	prefix := []byte(customerID + "/")
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketNotes).Cursor()
		for k, v := c.Seek(prefix); k != nil && len(k) == len(prefix)+8 && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
			var n Note
			if err := json.Unmarshal(v, &n); err != nil {
				return fmt.Errorf("note %x: %w", k, err)
			}
			notes = append(notes, n)
		}
		return nil
	})
	return notes, err
}

func (s *Store) AppendAudit(e AuditEvent) error {
	if e.At.IsZero() {
		e.At = time.Now().UTC()
	}
	value, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketAudit)
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		return b.Put(seqKey("audit", seq), value)
	})
}

func (s *Store) AuditFor(target string) ([]AuditEvent, error) {
	var events []AuditEvent
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketAudit).ForEach(func(_, v []byte) error {
			var e AuditEvent
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			if e.Target == target {
				events = append(events, e)
			}
			return nil
		})
	})
	return events, err
}
