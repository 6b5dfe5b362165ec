package natsembed

import (
	"context"
	"fmt"
	"log/slog"
)

// slogLogger adapts nats-server's printf-style logger to slog. Fatal does
// not exit the process: the embedded server must never take cimviz down.
type slogLogger struct{ l *slog.Logger }

func newSlogLogger(l *slog.Logger) slogLogger {
	if l == nil {
		l = slog.Default()
	}
	return slogLogger{l.With("component", "nats-server")}
}

// levelTrace is below Debug: the server's protocol trace is only turned on
// when a handler asks for it, since tracing slows every message.
const levelTrace = slog.LevelDebug - 4

func (s slogLogger) enabled(level slog.Level) bool {
	return s.l.Enabled(context.Background(), level)
}

func (s slogLogger) log(level slog.Level, format string, v []any) {
	if !s.enabled(level) {
		return
	}
	s.l.Log(context.Background(), level, fmt.Sprintf(format, v...))
}

func (s slogLogger) Noticef(format string, v ...any) { s.log(slog.LevelInfo, format, v) }
func (s slogLogger) Warnf(format string, v ...any)   { s.log(slog.LevelWarn, format, v) }
func (s slogLogger) Fatalf(format string, v ...any)  { s.log(slog.LevelError, format, v) }
func (s slogLogger) Errorf(format string, v ...any)  { s.log(slog.LevelError, format, v) }
func (s slogLogger) Debugf(format string, v ...any)  { s.log(slog.LevelDebug, format, v) }
func (s slogLogger) Tracef(format string, v ...any)  { s.log(levelTrace, format, v) }
