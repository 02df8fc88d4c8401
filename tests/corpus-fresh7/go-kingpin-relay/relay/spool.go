package relay

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// Spool persists frames to disk until the forwarder has delivered them.
type Spool struct {
	dir string
	mu  sync.Mutex
	seq uint64
}

type spooled struct {
	Topic    string    `json:"topic"`
	Payload  []byte    `json:"payload"`
	Received time.Time `json:"received"`
}

func OpenSpool(dir string) (*Spool, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("create spool dir: %w", err)
	}
	return &Spool{dir: dir}, nil
}

// Put writes one frame to its own file and fsyncs it before returning.
func (s *Spool) Put(f Frame) (string, error) {
	s.mu.Lock()
	s.seq++
	name := fmt.Sprintf("%d-%06d.json", time.Now().UnixNano(), s.seq)
	s.mu.Unlock()

	path := filepath.Join(s.dir, name)
	fh, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o640)
	if err != nil {
		return "", fmt.Errorf("open spool file: %w", err)
	}
	if err := json.NewEncoder(fh).Encode(spooled{f.Topic, f.Payload, time.Now().UTC()}); err != nil {
		fh.Close()
		return "", fmt.Errorf("encode spool file: %w", err)
	}
	if err := fh.Sync(); err != nil {
		fh.Close()
		return "", fmt.Errorf("sync spool file: %w", err)
	}
	fh.Close()
	return name, nil
}

// Pending lists spooled file names, oldest first.
func (s *Spool) Pending() ([]string, error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() && filepath.Ext(e.Name()) == ".json" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

func (s *Spool) Load(name string) (Frame, error) {
	raw, err := os.ReadFile(filepath.Join(s.dir, name))
	if err != nil {
		return Frame{}, err
	}
	var sp spooled
	if err := json.Unmarshal(raw, &sp); err != nil {
		return Frame{}, fmt.Errorf("decode %s: %w", name, err)
	}
	return Frame{Topic: sp.Topic, Payload: sp.Payload}, nil
}

func (s *Spool) Ack(name string) error {
	err := os.Remove(filepath.Join(s.dir, name))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// Compact merges small spool files into batches.
func (s *Spool) Compact() error {
	return errors.New("spool compaction: not implemented")
}
