package middleware

// nopLogger satisfies logging.Logger for tests.
type nopLogger struct{}

func (nopLogger) Debug(...any)                 {}
func (nopLogger) Debugf(string, ...any)        {}
func (nopLogger) Log(...any)                   {}
func (nopLogger) Logf(string, ...any)          {}
func (nopLogger) Info(...any)                  {}
func (nopLogger) Infof(string, ...any)         {}
func (nopLogger) Notice(...any)                {}
func (nopLogger) Noticef(string, ...any)       {}
func (nopLogger) Warn(...any)                  {}
func (nopLogger) Warnf(string, ...any)         {}
func (nopLogger) Error(...any)                 {}
func (nopLogger) Errorf(string, ...any)        {}
func (nopLogger) Fatal(...any)                 {}
func (nopLogger) Fatalf(string, ...any)        {}
func (nopLogger) ChangeLevel(level int)        {}
