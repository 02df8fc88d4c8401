package feature

import (
	"io"
	"strconv"
	"strings"
)

func itoa(id uint) string { return strconv.FormatUint(uint64(id), 10) }

func stringsReader(s string) io.Reader { return strings.NewReader(s) }
