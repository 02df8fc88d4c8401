package history

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

type Record struct {
	ID    string    `json:"id"`
	Env   string    `json:"env"`
	Image string    `json:"image"`
	By    string    `json:"by"`
	At    time.Time `json:"at"`
}

// Path is the local deploy log; compliance exports read it with `deployctl status --local`.
func Path() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "deployctl", "history.jsonl")
}

func Append(r Record) error {
	p := Path()
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := json.NewEncoder(f).Encode(r); err != nil {
		f.Close()
		return fmt.Errorf("write history: %w", err)
	}
	return f.Close()
}

func Load() ([]Record, error) {
	f, err := os.Open(Path())
	if os.IsNotExist(err) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close() // read-only
	var out []Record
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("history line %q: %w", sc.Text(), err)
		}
		out = append(out, r)
	}
	return out, sc.Err()
}
