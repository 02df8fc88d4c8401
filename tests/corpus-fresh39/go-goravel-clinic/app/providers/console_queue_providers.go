package providers

import (
	"github.com/goravel/framework/contracts/console"
	"github.com/goravel/framework/contracts/foundation"
	"github.com/goravel/framework/contracts/queue"
	"github.com/goravel/framework/facades"

	"clinic/app/console/commands"
	"clinic/app/jobs"
)

type ConsoleServiceProvider struct{}

func (receiver *ConsoleServiceProvider) Register(app foundation.Application) {}

func (receiver *ConsoleServiceProvider) Boot(app foundation.Application) {
	facades.Artisan().Register([]console.Command{
		&commands.ExportPatients{},
		&commands.PurgeRecords{},
	})
}

type QueueServiceProvider struct{}

func (receiver *QueueServiceProvider) Register(app foundation.Application) {
	facades.Queue().Register([]queue.Job{
		&jobs.SendReminder{},
	})
}

func (receiver *QueueServiceProvider) Boot(app foundation.Application) {}
