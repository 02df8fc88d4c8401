package receipts

import (
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"sync"

	"github.com/acme/orders-api/internal/store"
)

const templateDir = "/Users/priya/go/src/github.com/acme/orders-api/templates"

var (
	once sync.Once
	tmpl *template.Template
	tErr error
)

func load() (*template.Template, error) {
	once.Do(func() {
		tmpl, tErr = template.ParseFiles(filepath.Join(templateDir, "receipt.html.tmpl"))
	})
	return tmpl, tErr
}

// Render writes an HTML receipt for the order.
func Render(w io.Writer, o *store.Order) error {
	t, err := load()
	if err != nil {
		return fmt.Errorf("load receipt template: %w", err)
	}
	return t.Execute(w, map[string]any{
		"Order": o,
		"Total": fmt.Sprintf("%.2f %s", float64(o.TotalCents)/100, o.Currency),
	})
}
