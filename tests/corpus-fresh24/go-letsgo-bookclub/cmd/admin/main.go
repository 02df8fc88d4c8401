// Command admin runs occasional maintenance tasks against the book club database.
//
//	go run ./cmd/admin -dsn "$BOOKCLUB_DSN" promote someone@example.com
//	go run ./cmd/admin -dsn "$BOOKCLUB_DSN" backup
//	go run ./cmd/admin -dsn "$BOOKCLUB_DSN" prune-rsvps -days 180
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/go-sql-driver/mysql"

	"github.com/riverside-readers/bookclub/internal/models"
)

const backupDir = "/home/jparker/bookclub/backups"

func main() {
	dsn := flag.String("dsn", os.Getenv("BOOKCLUB_DSN"), "MySQL data source name")
	flag.Parse()

	if flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "usage: admin [-dsn DSN] promote EMAIL | backup | prune-rsvps [-days N]")
		os.Exit(2)
	}

	db, err := sql.Open("mysql", *dsn)
	if err != nil {
		fatal(err)
	}
	defer db.Close()

	switch cmd := flag.Arg(0); cmd {
	case "promote":
		if flag.NArg() != 2 {
			fatal(fmt.Errorf("promote needs an email address"))
		}
		users := &models.UserModel{DB: db}
		if err := users.SetRole(flag.Arg(1), "admin"); err != nil {
			fatal(err)
		}
		fmt.Printf("%s is now an admin\n", flag.Arg(1))
	case "backup":
		if err := backup(*dsn); err != nil {
			fatal(err)
		}
	case "prune-rsvps":
		fs := flag.NewFlagSet("prune-rsvps", flag.ExitOnError)
		days := fs.Int("days", 180, "delete RSVPs for meetings older than this many days")
		fs.Parse(flag.Args()[1:])
		res, err := db.Exec(`DELETE r FROM rsvps r JOIN meetings m ON m.id = r.meeting_id
			WHERE m.starts_at < UTC_TIMESTAMP() - INTERVAL ? DAY`, *days)
		if err != nil {
			fatal(err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			fatal(err)
		}
		fmt.Printf("removed %d rsvp(s)\n", n)
	default:
		fatal(fmt.Errorf("unknown command %q", cmd))
	}
}

func backup(dsn string) error {
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(backupDir, 0o750); err != nil {
		return err
	}
	out := filepath.Join(backupDir, fmt.Sprintf("bookclub-%s.sql", time.Now().UTC().Format("20060102T150405")))
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	defer f.Close()

	cmd := exec.Command("mysqldump", "--single-transaction", "-h", hostOf(cfg.Addr), "-u", cfg.User, cfg.DBName)
	cmd.Env = append(os.Environ(), "MYSQL_PWD="+cfg.Passwd)
	cmd.Stdout = f
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		os.Remove(out)
		return fmt.Errorf("mysqldump: %w", err)
	}
	fmt.Println("wrote", out)
	return nil
}

func hostOf(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return "localhost"
	}
	return host
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	os.Exit(1)
}
