// Command linkctl performs maintenance tasks against the shortlinks database.
//
//	linkctl purge-expired -grace-days 30
//	linkctl create-key -owner 42 -label "zapier" [-admin]
//	linkctl export -out links.csv
package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/linkhut/shortlinks/db"
	"github.com/linkhut/shortlinks/internal/api"
	"github.com/linkhut/shortlinks/internal/config"
)

// Prefix for generated keys so that secret scanners can recognise leaked ones.
const apiKeyPrefix = "sl_live_"

func usage() {
	fmt.Fprintln(os.Stderr, "usage: linkctl <purge-expired|create-key|export> [flags]")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	cfg, err := config.Load()
	if err != nil {
		fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		fatal(err)
	}
	defer pool.Close()
	q := db.New(pool)

	switch os.Args[1] {
	case "purge-expired":
		fs := flag.NewFlagSet("purge-expired", flag.ExitOnError)
		grace := fs.Int("grace-days", 30, "keep expired links this many days before deleting")
		_ = fs.Parse(os.Args[2:])
		n, err := q.PurgeExpiredLinks(ctx, int32(*grace))
		if err != nil {
			fatal(err)
		}
		fmt.Printf("deleted %d expired links\n", n)

	case "create-key":
		fs := flag.NewFlagSet("create-key", flag.ExitOnError)
		owner := fs.Int64("owner", 0, "owner id")
		label := fs.String("label", "", "human readable label")
		admin := fs.Bool("admin", false, "grant admin scope")
		_ = fs.Parse(os.Args[2:])
		if *owner == 0 || *label == "" {
			fatal(fmt.Errorf("-owner and -label are required"))
		}
		buf := make([]byte, 24)
		if _, err := rand.Read(buf); err != nil {
			fatal(err)
		}
		raw := apiKeyPrefix + base64.RawURLEncoding.EncodeToString(buf)
		id, err := q.InsertAPIKey(ctx, db.InsertAPIKeyParams{
			OwnerID: *owner,
			KeyHash: api.HashAPIKey(raw),
			Label:   *label,
			IsAdmin: *admin,
		})
		if err != nil {
			fatal(err)
		}
		fmt.Printf("key %d created; store it now, it is not shown again:\n%s\n", id, raw)

	case "export":
		fs := flag.NewFlagSet("export", flag.ExitOnError)
		out := fs.String("out", "/home/mbrandt/shortlinks/exports/links.csv", "CSV output path")
		_ = fs.Parse(os.Args[2:])
		if err := export(ctx, q, *out); err != nil {
			fatal(err)
		}

	default:
		usage()
	}
}

func export(ctx context.Context, q *db.Queries, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	if err := w.Write([]string{"id", "code", "target", "owner_id", "clicks"}); err != nil {
		return err
	}
	for offset := int32(0); ; offset += 500 {
		links, err := q.ListAllLinks(ctx, db.ListAllLinksParams{Limit: 500, Offset: offset})
		if err != nil {
			return err
		}
		for _, l := range links {
			if err := w.Write([]string{strconv.FormatInt(l.ID, 10), l.Code, l.Target, strconv.FormatInt(l.OwnerID, 10), strconv.FormatInt(l.Clicks, 10)}); err != nil {
				return err
			}
		}
		if len(links) < 500 {
			break
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return f.Close()
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "linkctl:", err)
	os.Exit(1)
}
