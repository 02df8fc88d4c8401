package config

import "strings"

func splitNonEmpty(s string, sep rune) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == sep })
}

func cut(s string, sep byte) (before, after string, found bool) {
	return strings.Cut(s, string(sep))
}
