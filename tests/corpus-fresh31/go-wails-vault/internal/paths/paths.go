package paths

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

const appDirName = "Vault"

// DataDir is where the vault database lives. VAULT_DATA_DIR overrides it (used by
// portable installs and tests).
func DataDir() (string, error) {
	if dir := os.Getenv("VAULT_DATA_DIR"); dir != "" {
		return dir, nil
	}
	if runtime.GOOS == "windows" {
		return `C:\Users\dmitri\AppData\Roaming\Vault`, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("locate config dir: %w", err)
	}
	return filepath.Join(base, appDirName), nil
}

// SyncJournal records sync operations that still have to be pushed.
func SyncJournal() string {
	return "/tmp/vault-sync/journal.json"
}
