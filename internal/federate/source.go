package federate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	gitconfig "github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage/memory"

	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/record"
)

// SourceKind is how a member's register is read.
type SourceKind string

// The kinds of source.
const (
	// Folder is a register on disk, in a Git repository or not.
	Folder SourceKind = "folder"
	// Clone is a Git repository's clone URL; it is cloned only on --fetch.
	Clone SourceKind = "git"
	// OpenData is a published site's register.json, a file or an URL
	// fetched only on --fetch.
	OpenData SourceKind = "open-data"
)

// MaxOpenDataBytes bounds a register.json read or downloaded: the largest
// municipality publishes a few thousand records, some tens of megabytes.
const MaxOpenDataBytes = 512 << 20

// kindOf tells the kind of source and whether it is remote.
func kindOf(src string) (SourceKind, bool) {
	lower := strings.ToLower(src)
	remote := false
	for _, p := range []string{"https://", "http://", "ssh://", "git://", "file://"} {
		if strings.HasPrefix(lower, p) {
			remote = true
		}
	}
	// scp-like Git addresses: git@host:owner/repo.git
	if at, colon := strings.Index(src, "@"), strings.Index(src, ":"); !remote && at > 0 && colon > at && !strings.Contains(src[:colon], "/") {
		remote = true
	}
	p := lower
	if u, err := url.Parse(src); err == nil && remote {
		p = strings.ToLower(u.Path)
	}
	if strings.HasSuffix(p, ".json") {
		return OpenData, remote
	}
	if remote {
		return Clone, true
	}
	return Folder, false
}

// Fetcher brings remote sources to disk; only Run with Fetch set uses one.
type Fetcher struct {
	// Client downloads open data; nil means a client with a timeout.
	Client *http.Client
	// Timeout bounds each clone or download; zero means five minutes.
	Timeout time.Duration
}

func (f *Fetcher) timeout() time.Duration {
	if f == nil || f.Timeout <= 0 {
		return 5 * time.Minute
	}
	return f.Timeout
}

// resolved is a member's source made local: the folder or file to read and
// the kind of what is there.
type resolved struct {
	kind SourceKind
	path string // folder (Folder, Clone) or file (OpenData)
	// base is the folder the links to the parts of register.json are
	// relative to (OpenData): the file's own folder, or where the parts of
	// a download were put.
	base string
}

// fetchedPath is where a member's fetched source is kept in the cache: a
// clone in that folder, open data in the file and folder of that name
// with openDataSuffix and partsSuffix.
func fetchedPath(cache string, m Member) string { return filepath.Join(fetchedDir(cache), m.Code) }

// fetchedDir is the folder of the cache that holds the fetched sources.
func fetchedDir(cache string) string { return filepath.Join(cache, "fetched") }

const (
	openDataSuffix = ".json"
	partsSuffix    = ".parts"
)

// resolve makes a member's source local. A remote source is fetched only
// when fetch is set; without it, what an earlier fetch left in the cache is
// used, and a source never fetched is an error that says so.
func resolve(m Member, dir, cache string, fetch bool, f *Fetcher) (resolved, error) {
	kind, remote := kindOf(m.Source)
	if !remote {
		p := m.Source
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		return resolved{kind: kind, path: p, base: filepath.Dir(p)}, nil
	}
	local := fetchedPath(cache, m)
	switch kind {
	case Clone:
		if fetch {
			if err := f.clone(m.Source, local); err != nil {
				return resolved{}, err
			}
		} else if _, err := os.Stat(filepath.Join(local, ".git")); err != nil {
			return resolved{}, fail(nil, msgNotCloned, address(m.Source))
		}
		return resolved{kind: Clone, path: local}, nil
	default:
		file, parts := local+openDataSuffix, local+partsSuffix
		if fetch {
			if err := f.downloadOpenData(m.Source, file, parts); err != nil {
				return resolved{}, err
			}
		} else if _, err := os.Stat(file); err != nil {
			return resolved{}, fail(nil, msgNotDownloaded, address(m.Source))
		}
		return resolved{kind: OpenData, path: file, base: parts}, nil
	}
}

// clone brings the repository at addr to dir: when dir holds a clone whose
// commit is the remote's, nothing more is fetched; else a fresh shallow
// clone replaces it (a federation needs the records, not their history).
func (f *Fetcher) clone(addr, dir string) error {
	ctx, cancel := context.WithTimeout(context.Background(), f.timeout())
	defer cancel()
	if head, err := history.Head(dir); err == nil {
		remote := git.NewRemote(memory.NewStorage(), &gitconfig.RemoteConfig{Name: "origin", URLs: []string{addr}})
		if refs, err := remote.ListContext(ctx, &git.ListOptions{}); err == nil {
			for _, r := range refs {
				if r.Name() == plumbing.HEAD && r.Hash().String() == head {
					return nil
				}
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".clone-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if _, err := git.PlainCloneContext(ctx, tmp, false, &git.CloneOptions{URL: addr, Depth: 1, SingleBranch: true}); err != nil {
		return fail(err, msgClone, address(addr))
	}
	old := dir + ".old"
	_ = os.RemoveAll(old)
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// downloadOpenData fetches the register.json at addr to file, and the
// parts it links into the folder parts, as they lie beside it: the folder
// is replaced only when every part arrived.
func (f *Fetcher) downloadOpenData(addr, file, parts string) error {
	if err := f.download(addr, file); err != nil {
		return err
	}
	data, err := readLimited(file, MaxOpenDataBytes)
	if err != nil {
		return err
	}
	tmp := parts + ".download"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	files, err := openDataParts(address(addr), tmp, data)
	if err != nil || len(files) == 0 {
		return err
	}
	defer os.RemoveAll(tmp)
	base, err := url.Parse(addr)
	if err != nil {
		return fail(err, msgDownload, address(addr))
	}
	for _, file := range files {
		rel, err := filepath.Rel(tmp, file)
		if err != nil {
			return err
		}
		u := base.ResolveReference(&url.URL{Path: filepath.ToSlash(rel)})
		if err := f.download(u.String(), file); err != nil {
			return err
		}
	}
	if err := os.RemoveAll(parts); err != nil {
		return err
	}
	return os.Rename(tmp, parts)
}

// download fetches addr to file, whole or not at all, refusing more than
// MaxOpenDataBytes.
func (f *Fetcher) download(addr, file string) error {
	client := http.DefaultClient
	if f != nil && f.Client != nil {
		client = f.Client
	}
	ctx, cancel := context.WithTimeout(context.Background(), f.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return fail(err, msgDownload, address(addr))
	}
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return fail(err, msgDownload, address(addr))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fail(nil, msgServerAnswered, address(addr), resp.StatusCode)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".download-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	n, err := io.Copy(tmp, io.LimitReader(resp.Body, MaxOpenDataBytes+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(err, msgDownload, address(addr))
	}
	if n > MaxOpenDataBytes {
		return fail(nil, msgDownloadTooBig, address(addr), MaxOpenDataBytes)
	}
	return os.Rename(tmp.Name(), file)
}

// registerRoot is the folder of a repository that holds sensors/ and
// algorithms/: register/ when there is one, as the command line picks it.
func registerRoot(dir string) string {
	if st, err := os.Stat(filepath.Join(dir, "register")); err == nil && st.IsDir() {
		return filepath.Join(dir, "register")
	}
	return dir
}

// folderKey identifies the state of a register on disk: its commit, and
// the name, size and modification time of register.yaml and every record
// file, so an edit not yet committed is seen too. Listing the files costs a
// stat each, far less than reading them.
func folderKey(root string) (key, commit string, err error) {
	h := sha256.New()
	commit, _ = history.Head(root)
	fmt.Fprintf(h, "commit %s\n", commit)
	add := func(rel string) error {
		st, err := os.Stat(filepath.Join(root, rel))
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s %d %d\n", rel, st.Size(), st.ModTime().UnixNano())
		return nil
	}
	if err := add("register.yaml"); err != nil {
		return "", "", err
	}
	for _, k := range record.Kinds {
		entries, err := os.ReadDir(filepath.Join(root, k.Folder()))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", "", err
		}
		names := make([]string, 0, len(entries))
		for _, e := range entries {
			names = append(names, e.Name())
		}
		slices.Sort(names)
		for _, n := range names {
			if err := add(k.Folder() + "/" + n); err != nil {
				return "", "", err
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil)), commit, nil
}

// contentKey identifies open data by its content.
func contentKey(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}
