package main

import (
	"testing"
	"time"
)

func requireAllowed(t *testing.T, l Limiter, key string, n, limit int, window time.Duration) {
	t.Helper()
	for i := 0; i < n; i++ {
		ok, _, err := l.Allow(key, limit, window)
		if err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
		if !ok {
			t.Fatalf("request %d of %d was limited", i+1, n)
		}
	}
}

func TestMemoryLimiterAllowsUpToLimit(t *testing.T) {
	l := newMemoryLimiter()
	requireAllowed(t, l, "consumer-a", 5, 5, time.Minute)
}

func TestMemoryLimiterBlocksOverLimit(t *testing.T) {
	l := newMemoryLimiter()
	requireAllowed(t, l, "consumer-b", 3, 3, time.Minute)
	ok, remaining, err := l.Allow("consumer-b", 3, time.Minute)
	if err != nil || ok || remaining >= 0 {
		t.Fatalf("fourth request: ok=%v remaining=%d err=%v", ok, remaining, err)
	}
}

func TestKeysAreIndependent(t *testing.T) {
	l := newMemoryLimiter()
	requireAllowed(t, l, "consumer-c", 2, 2, time.Minute)
	requireAllowed(t, l, "consumer-d", 2, 2, time.Minute)
}
