package mailer

import (
	"os"
	"strconv"
)

type Config struct {
	RedisAddr     string
	SMTPHost      string
	SMTPPort      int
	SMTPUser      string
	SMTPPassword  string
	SMTPInsecure  bool
	SigningKey    []byte
	TemplateDir   string
	SpoolDir      string
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func FromEnv() Config {
	port, err := strconv.Atoi(env("SMTP_PORT", "587"))
	if err != nil {
		port = 587
	}
	return Config{
		SpoolDir:     env("SPOOL_DIR", "/var/spool/acme-mailer"),
		RedisAddr:    env("REDIS_ADDR", "localhost:6379"),
		SMTPHost:     env("SMTP_HOST", "smtp.sendgrid.net"),
		SMTPPort:     port,
		SMTPUser:     env("SMTP_USER", "apikey"),
		SMTPPassword: env("SMTP_PASSWORD", "SG.hT4kq9VbRz2mWx7LpN3cYA.f8Jd2Ks9Lq4Zx7Vb1Nm6Pc3Rt5Yw0Ue8Ig2Oh4Aj6"),
		SigningKey:   []byte(os.Getenv("MAILER_SIGNING_KEY")),
		TemplateDir:  env("TEMPLATE_DIR", "/Users/tkoenig/src/acme/mailer/templates"),
	}
}
