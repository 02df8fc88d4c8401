module github.com/pawsandclaws/clinicbook

go 1.22

require (
	github.com/gobuffalo/buffalo v1.1.0
	github.com/gobuffalo/buffalo-pop/v3 v3.0.7
	github.com/gobuffalo/envy v1.10.2
	github.com/gobuffalo/grift v1.5.2
	github.com/gobuffalo/middleware v1.0.0
	github.com/gobuffalo/nulls v0.4.2
	github.com/gobuffalo/pop/v6 v6.1.1
	github.com/gobuffalo/suite/v4 v4.0.4
	github.com/gobuffalo/validate/v3 v3.3.3
	github.com/gofrs/uuid v4.4.0+incompatible
	github.com/pkg/errors v0.9.1
	github.com/unrolled/secure v1.14.0
	golang.org/x/crypto v0.24.0
	gopkg.in/mail.v2 v2.3.1
)
