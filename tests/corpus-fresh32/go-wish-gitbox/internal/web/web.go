package web

import (
	"archive/tar"
	"compress/gzip"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/log"

	"github.com/lattice-labs/gitbox/internal/store"
)

type Server struct {
	Store        *store.Store
	RepoRoot     string
	CIHookSecret []byte
	Logger       *log.Logger
}

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", healthz)
	mux.HandleFunc("POST /hooks/ci", s.ciStatus)
	mux.HandleFunc("GET /api/repos/{name}/archive.tar.gz", s.archive)
	return mux
}

func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	io.WriteString(w, "ok\n")
}

type ciStatusBody struct {
	Repo   string `json:"repo"`
	Commit string `json:"commit"`
	State  string `json:"state"`
	URL    string `json:"url"`
}

func (s *Server) ciStatus(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	}
	sig, err := hex.DecodeString(strings.TrimPrefix(r.Header.Get("X-CI-Signature"), "sha256="))
	if err != nil {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	mac := hmac.New(sha256.New, s.CIHookSecret)
	mac.Write(body)
	if !hmac.Equal(sig, mac.Sum(nil)) {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	var st ciStatusBody
	if err := json.Unmarshal(body, &st); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	s.Logger.Info("ci status", "repo", st.Repo, "commit", st.Commit, "state", st.State)
	w.WriteHeader(http.StatusNoContent)
}

// archive streams a tarball of a repository to deploy tooling that presents the repo's deploy token.
func (s *Server) archive(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	repo, err := s.Store.Repo(r.Context(), name)
	if errors.Is(err, store.ErrNotFound) {
		http.NotFound(w, r)
		return
	} else if err != nil {
		s.Logger.Error("loading repo", "repo", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if repo.Private && r.Header.Get("X-Gitbox-Token") != repo.DeployToken {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}

	root := filepath.Join(s.RepoRoot, repo.Name+".git")
	w.Header().Set("Content-Type", "application/gzip")
	w.Header().Set("Content-Disposition", `attachment; filename="`+repo.Name+`.tar.gz"`)
	gz := gzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		hdr, err := tar.FileInfoHeader(info, "")
		if err != nil {
			return err
		}
		hdr.Name, _ = filepath.Rel(root, path)
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(tw, f)
		return err
	})
	if err == nil {
		err = tw.Close()
	}
	if err == nil {
		err = gz.Close()
	}
	if err != nil {
		s.Logger.Error("streaming archive", "repo", name, "err", err)
	}
}
