package commands

import (
	"errors"

	"github.com/goravel/framework/contracts/console"
	"github.com/goravel/framework/contracts/console/command"
)

type PurgeRecords struct{}

func (receiver *PurgeRecords) Signature() string {
	return "records:purge"
}

func (receiver *PurgeRecords) Description() string {
	return "Delete clinical records past the statutory retention period"
}

func (receiver *PurgeRecords) Extend() command.Extend {
	return command.Extend{
		Category: "records",
		Flags: []command.Flag{
			&command.IntFlag{Name: "years", Value: 10, Usage: "retention period in years"},
			&command.BoolFlag{Name: "dry-run", Usage: "only report what would be deleted"},
		},
	}
}

func (receiver *PurgeRecords) Handle(ctx console.Context) error {
	return errors.New("records:purge is not implemented")
}
