package cmd

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

var cfgFile string

var rootCmd = &cobra.Command{
	Use:           "backupctl",
	Short:         "Snapshot directories to the backup server",
	SilenceUsage:  true,
	SilenceErrors: false,
	PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
		return initConfig()
	},
}

func Execute() error {
	return rootCmd.Execute()
}

func init() {
	rootCmd.PersistentFlags().StringVar(&cfgFile, "config", "/Users/priya.raman/dev/backupctl/backupctl.yaml", "config file")
	rootCmd.PersistentFlags().String("server", "https://backup.internal.example.com", "backup server URL")
	rootCmd.PersistentFlags().Bool("insecure-skip-verify", false,
		"disable TLS certificate checks (for the local dev server started by `make dev-server` only)")
	_ = viper.BindPFlag("server", rootCmd.PersistentFlags().Lookup("server"))
	_ = viper.BindPFlag("insecure_skip_verify", rootCmd.PersistentFlags().Lookup("insecure-skip-verify"))
	viper.SetEnvPrefix("BACKUPCTL")
	viper.AutomaticEnv()
}

func initConfig() error {
	viper.SetConfigFile(cfgFile)
	if err := viper.ReadInConfig(); err != nil {
		if _, ok := err.(viper.ConfigFileNotFoundError); ok || os.IsNotExist(err) {
			return nil
		}
		return fmt.Errorf("read config %s: %w", cfgFile, err)
	}
	return nil
}
