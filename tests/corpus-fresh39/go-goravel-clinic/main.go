package main

import (
	"github.com/goravel/framework/facades"

	"clinic/bootstrap"
)

func main() {
	bootstrap.Boot()

	go func() {
		if err := facades.Route().Run(); err != nil {
			facades.Log().Errorf("route run error: %v", err)
		}
	}()

	go func() {
		if err := facades.Queue().Worker().Run(); err != nil {
			facades.Log().Errorf("queue worker error: %v", err)
		}
	}()

	go facades.Schedule().Run()

	select {}
}
