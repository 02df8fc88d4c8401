package tests

import (
	"github.com/goravel/framework/testing"

	"clinic/bootstrap"
)

func init() {
	bootstrap.Boot()
}

type TestCase struct {
	testing.TestCase
}
