package config

import "github.com/zeromicro/go-zero/rest"

type Config struct {
	rest.RestConf
	Auth struct {
		AccessSecret string
		AccessExpire int64
	}
	DataSource string
	Payment    PaymentConf
	ExportDir  string `json:",optional"`
}

type PaymentConf struct {
	BaseURL       string
	APIKey        string `json:",optional"`
	WebhookSecret string
}

// DefaultExportDir is used when ExportDir is not configured.
const DefaultExportDir = `C:\Users\akowalczyk\go\src\orders-api\exports`
