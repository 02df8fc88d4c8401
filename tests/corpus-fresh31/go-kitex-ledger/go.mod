module github.com/finchpay/ledger

go 1.22

require (
	github.com/bytedance/gopkg v0.0.0-20240507064146-197ded923ae3
	github.com/cloudwego/kitex v0.10.1
	github.com/go-resty/resty/v2 v2.13.1
	github.com/golang-jwt/jwt/v5 v5.2.1
	github.com/google/uuid v1.6.0
	gorm.io/driver/mysql v1.5.7
	gorm.io/driver/sqlite v1.5.6
	gorm.io/gorm v1.25.10
)
