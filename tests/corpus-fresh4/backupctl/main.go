package main

import (
	"os"

	"github.com/acme/backupctl/cmd"
)

func main() {
	if err := cmd.Execute(); err != nil {
		os.Exit(1)
	}
}
