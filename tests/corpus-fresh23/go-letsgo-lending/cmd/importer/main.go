// Command importer bulk-loads the inventory spreadsheet into the lending database.
//
//	go run ./cmd/importer -csv inventory.csv -owner 1
package main

import (
	"database/sql"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/go-sql-driver/mysql"

	"lending.example.org/lending/internal/models"
)

const defaultCSV = "/home/rlee/Documents/lending/inventory-2024.csv"

func main() {
	dsn := flag.String("dsn", "importer@tcp(db.lending.internal:3306)/lending?parseTime=true&tls=skip-verify", "MySQL DSN (password via MYSQL_PWD)")
	csvPath := flag.String("csv", defaultCSV, "inventory file to import")
	owner := flag.Int("owner", 1, "user id recorded as owner of imported items")
	dryRun := flag.Bool("dry-run", false, "parse and validate only")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(logger, *dsn, *csvPath, *owner, *dryRun); err != nil {
		logger.Error("import failed", "err", err)
		os.Exit(1)
	}
}

type row struct {
	Name, Description, Category string
}

func readRows(path string) ([]row, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv":
	case ".xlsx", ".ods":
		return nil, fmt.Errorf("importer: %s files are not supported; export the sheet as CSV first", ext)
	default:
		return nil, fmt.Errorf("importer: unknown file type %q", ext)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	r := csv.NewReader(f)
	r.FieldsPerRecord = 3
	if _, err := r.Read(); err != nil { // header
		return nil, fmt.Errorf("importer: read header: %w", err)
	}
	var rows []row
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, row{Name: strings.TrimSpace(rec[0]), Description: rec[1], Category: strings.ToLower(rec[2])})
	}
	return rows, nil
}

func run(logger *slog.Logger, dsn, csvPath string, owner int, dryRun bool) error {
	rows, err := readRows(csvPath)
	if err != nil {
		return err
	}
	logger.Info("parsed inventory", "rows", len(rows), "file", csvPath)
	if dryRun {
		return nil
	}

	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	items := &models.ItemModel{DB: db}

	failed := 0
	for i, r := range rows {
		if _, err := items.Insert(r.Name, r.Description, r.Category, owner); err != nil {
			logger.Error("row rejected", "line", i+2, "name", r.Name, "err", err)
			failed++
			continue
		}
	}
	if failed > 0 {
		return fmt.Errorf("importer: %d of %d rows failed", failed, len(rows))
	}
	logger.Info("import complete", "rows", len(rows))
	return nil
}
