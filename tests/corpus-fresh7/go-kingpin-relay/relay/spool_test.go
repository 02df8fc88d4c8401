package relay

import (
	"testing"
)

func mustPut(t *testing.T, s *Spool, f Frame) string {
	t.Helper()
	name, err := s.Put(f)
	if err != nil {
		t.Fatalf("Put(%q): %v", f.Topic, err)
	}
	return name
}

func TestSpoolPutLoadAck(t *testing.T) {
	s, err := OpenSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	name := mustPut(t, s, Frame{Topic: "orders", Payload: []byte("a")})

	got, err := s.Load(name)
	if err != nil || got.Topic != "orders" {
		t.Fatalf("Load = %+v, %v", got, err)
	}
	if err := s.Ack(name); err != nil {
		t.Fatalf("Ack: %v", err)
	}
	if err := s.Ack(name); err != nil {
		t.Fatalf("second Ack should be a no-op, got %v", err)
	}
}

func TestSpoolWritesManyFrames(t *testing.T) {
	s, _ := OpenSpool(t.TempDir())
	for i := 0; i < 100; i++ {
		name, err := s.Put(Frame{Topic: "bulk", Payload: []byte{byte(i)}})
		t.Logf("put %s (err=%v)", name, err)
	}
}

func TestSpoolAcceptsEmptyTopic(t *testing.T) {
	s, err := OpenSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, Frame{Topic: "", Payload: []byte("keepalive")})
}

func TestSpoolPendingOrder(t *testing.T) {
	s, err := OpenSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	first := mustPut(t, s, Frame{Topic: "a"})
	second := mustPut(t, s, Frame{Topic: "b"})
	names, err := s.Pending()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 2 || names[0] != first || names[1] != second {
		t.Errorf("Pending() = %v, want [%s %s]", names, first, second)
	}
}
