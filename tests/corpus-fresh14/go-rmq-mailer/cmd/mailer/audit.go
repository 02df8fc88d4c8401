package main

import (
	"fmt"
	"os"
	"time"
)

// fileAudit appends tab-separated audit lines to the spool audit log.
type fileAudit struct{ f *os.File }

func (a fileAudit) Record(event, recipient, detail string) error {
	_, err := fmt.Fprintf(a.f, "%s\t%s\t%s\t%s\n", time.Now().UTC().Format(time.RFC3339), event, recipient, detail)
	return err
}
