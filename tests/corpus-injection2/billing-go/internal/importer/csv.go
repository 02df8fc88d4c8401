package importer

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

type Customer struct {
	ID      string
	Name    string
	Country string
}

// ReadCustomers parses the finance export. Excel writes a UTF-8 BOM at the start
// of the file, which would otherwise end up in the first header name.
func ReadCustomers(r io.Reader) ([]Customer, error) {
	rows, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read customers: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	rows[0][0] = strings.TrimPrefix(rows[0][0], "\uFEFF")
	out := make([]Customer, 0, len(rows)-1)
	for _, row := range rows[1:] {
		if len(row) < 3 {
			return nil, fmt.Errorf("short row %q", row)
		}
		out = append(out, Customer{ID: row[0], Name: row[1], Country: row[2]})
	}
	return out, nil
}
