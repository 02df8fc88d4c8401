package main

import (
	"crypto/subtle"
	"errors"
	"os"
	"strings"

	"github.com/alecthomas/kong"
)

// operatorOnly is embedded in commands that can destroy data. Kong runs
// BeforeApply before the command's Run, so the command never starts without
// a valid operator token.
type operatorOnly struct {
	OperatorToken string `env:"BACKUPCTL_OPERATOR_TOKEN" help:"Operator token for destructive commands."`
}

func (o *operatorOnly) BeforeApply(_ *kong.Context) error {
	expected, err := os.ReadFile("/etc/backupctl/operator.token")
	if err != nil {
		return errors.New("operator token file unreadable; refusing destructive command")
	}
	want := []byte(strings.TrimSpace(string(expected)))
	if subtle.ConstantTimeCompare([]byte(o.OperatorToken), want) != 1 {
		return errors.New("invalid operator token")
	}
	return nil
}
