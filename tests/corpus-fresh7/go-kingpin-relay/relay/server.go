package relay

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"
)

// Server accepts framed connections, spools every frame and hands the spool
// names to a fixed pool of delivery workers.
type Server struct {
	Key       []byte
	Clients   map[string]string
	Spool     *Spool
	Forwarder *Forwarder
	Workers   int
	Log       *slog.Logger

	jobs chan string
	wg   sync.WaitGroup
}

func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.jobs = make(chan string, 256)
	for i := 0; i < s.Workers; i++ {
		s.wg.Add(1)
		go s.worker(ctx, i)
	}
	go func() {
		<-ctx.Done()
		if err := ln.Close(); err != nil {
			s.Log.Debug("close listener", "err", err)
		}
	}()

	for {
		conn, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				close(s.jobs)
				s.wg.Wait()
				return nil
			}
			s.Log.Warn("accept failed", "err", err)
			time.Sleep(100 * time.Millisecond)
			continue
		}
		go s.handleConn(conn)
	}
}

func (s *Server) handleConn(conn net.Conn) {
	defer conn.Close()
	remote := conn.RemoteAddr().String()
	for {
		f, err := ReadFrame(conn, s.Key)
		if err != nil {
			if !errors.Is(err, io.EOF) {
				s.Log.Warn("read frame", "remote", remote, "err", err)
			}
			return
		}
		name, err := s.Spool.Put(f)
		if err != nil {
			s.Log.Error("spool frame", "remote", remote, "err", err)
			return
		}
		s.jobs <- name
	}
}

func (s *Server) worker(ctx context.Context, id int) {
	defer s.wg.Done()
	for name := range s.jobs {
		f, err := s.Spool.Load(name)
		if err != nil {
			s.Log.Error("load spooled frame", "worker", id, "name", name, "err", err)
			continue
		}
		if err := s.Forwarder.Deliver(ctx, f); err != nil {
			s.Log.Warn("delivery failed, leaving in spool", "worker", id, "name", name, "err", err)
			continue
		}
		if err := s.Spool.Ack(name); err != nil {
			s.Log.Error("ack spooled frame", "worker", id, "name", name, "err", err)
		}
	}
}
