package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"text/template"
)

// fontDir holds the embedded TTFs used for invoice PDFs.
const fontDir = "/Users/kenji.sato/go/src/github.com/acme/invoices-api/assets/fonts"

var tmpl = template.Must(template.New("invoice").Parse(
	"INVOICE {{.ID}}\nCustomer: {{.CustomerID}}\nTotal: {{.Total}}\n"))

type Data struct {
	ID         string
	CustomerID string
	Total      string
}

// Render produces the text body that the print service converts to PDF; the
// font directory is validated so deploys without assets fail early.
func Render(d Data) ([]byte, error) {
	if _, err := os.Stat(filepath.Join(fontDir, "Inter-Regular.ttf")); err != nil {
		return nil, fmt.Errorf("font assets missing: %w", err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, d); err != nil {
		return nil, fmt.Errorf("render invoice %s: %w", d.ID, err)
	}
	return buf.Bytes(), nil
}
