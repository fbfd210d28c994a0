package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/voorbeeldstad/register/internal/config"
	"github.com/voorbeeldstad/register/internal/record"
)

// The one rule for what a command may write where the user tells it to
// (--out, --output): never over the register it reads. The register is its
// configuration (register.yaml) and its record folders (sensors/,
// algorithms/) with all they hold; a file the user names may not be one of
// them or lie in a record folder, and a folder a command replaces whole
// (build, federate) may not lie in a record folder or hold any of them.
// The path is judged as the system will follow it: through symlinks and
// "..", and on a file system that ignores case, by what it opens. Nor may
// an output lie in a Git repository's own folder (a .git folder, or the
// folder a work tree's .git file names), where one file written over
// HEAD or config leaves no repository. Any other place, a new file next
// to register.yaml among them, is the user's.
//
// A build's own rule, that it replaces only a folder it built or an empty
// one (package site), stays its own: it is about what the folder holds, not
// where it is, and a file has no mark of who wrote it.

// registerPart is a part of the register that no output may replace.
type registerPart struct {
	shown  string   // as the user would name it: under --root as given
	paths  []string // where it is: under the resolved root, and resolved itself
	folder bool     // a record folder, not the configuration
}

// registerParts returns the parts of the register at root. A folder that
// holds no record folder is no register (the load refuses it), and has
// nothing to protect but a register.yaml that is there.
func registerParts(root string) []registerPart {
	dir := realPath(root)
	cfg := filepath.Join(dir, config.FileName)
	parts := []registerPart{{shown: filepath.Join(root, config.FileName), paths: []string{cfg, realPath(cfg)}}}
	isRegister := false
	for _, k := range record.Kinds {
		p := filepath.Join(dir, k.Folder())
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			isRegister = true
		}
		parts = append(parts, registerPart{shown: filepath.Join(root, k.Folder()), paths: []string{p, realPath(p)}, folder: true})
	}
	if isRegister {
		return parts
	}
	if _, err := os.Lstat(cfg); err == nil {
		return parts[:1]
	}
	return nil
}

// checkOutputFile refuses, as a usage error (exit 2), a file named by flag
// that would write over the register (the rule above) or that is a
// folder. It is called before any work, so nothing is written; "" (standard
// output) passes.
func (a *App) checkOutputFile(flag, path string) error {
	if path == "" {
		return nil
	}
	if err := a.checkOutput(flag, path, false); err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return usageText(msgOutputIsFolder, flag, path)
	}
	return nil
}

// checkOutputFolder refuses, as a usage error (exit 2), a folder named by
// flag that a command would replace whole, when it lies in a record folder
// of the register or holds a part of it, or is or lies under a file.
func (a *App) checkOutputFolder(flag, path string) error {
	if err := a.checkOutput(flag, path, true); err != nil {
		return err
	}
	// A file where the folder is to be, or above it, fails the first
	// write in the system's words; it is named here in the user's.
	for p := filepath.Clean(path); ; p = filepath.Dir(p) {
		st, err := os.Stat(p)
		switch {
		case err == nil && st.IsDir():
			return nil
		case err == nil && p == filepath.Clean(path):
			return usageText(msgOutputIsFile, flag, path)
		case err == nil:
			return usageText(msgOutputUnderFile, flag, path, p)
		}
		if p == filepath.Dir(p) {
			return nil
		}
	}
}

// checkOutput applies the rule to path, named by flag; folder says the
// command replaces a whole folder there.
func (a *App) checkOutput(flag, path string, folder bool) error {
	target := realPath(path)
	parts := registerParts(a.Root())
	for _, p := range parts {
		switch {
		case !p.folder && sameFile(target, p.paths):
			return usageText(msgOutputConfig, flag, path, rel(p.shown))
		case p.folder && sameFile(target, p.paths):
			return usageText(msgOutputRecordFolder, flag, path, rel(p.shown))
		case p.folder && inside(target, p.paths):
			return usageText(msgOutputInRecords, flag, path, rel(p.shown))
		}
	}
	if git, ok := inGit(target, gitFolders(a.Root())); ok {
		return usageText(msgOutputInGit, flag, path, rel(git))
	}
	if !folder {
		return nil
	}
	for _, p := range parts {
		for _, q := range p.paths {
			if inside(q, []string{target}) {
				return usageText(msgOutputHoldsRegister, flag, path, rel(p.shown))
			}
		}
	}
	return nil
}

// inGit returns the Git folder target is or lies in: a .git in its path,
// or one of the folders git (gitFolders).
func inGit(target string, git []string) (string, bool) {
	sep := string(filepath.Separator)
	names := strings.Split(target, sep)
	for i, name := range names {
		if strings.EqualFold(name, ".git") {
			return strings.Join(names[:i+1], sep), true
		}
	}
	for _, g := range git {
		if sameFile(target, []string{g}) || inside(target, []string{g}) {
			return g, true
		}
	}
	return "", false
}

// gitFolders returns the folders of the Git repository that holds the
// register at root, found as git finds them: the first .git walking up
// from root, and, when that is a file (a work tree's or a submodule's,
// "gitdir: PATH"), the folder it names and the repository's common folder
// that one names in its commondir. Nil outside Git.
func gitFolders(root string) []string {
	for dir := realPath(root); ; dir = filepath.Dir(dir) {
		dotGit := filepath.Join(dir, ".git")
		st, err := os.Stat(dotGit)
		switch {
		case err == nil && st.IsDir():
			return []string{dotGit}
		case err == nil && st.Mode().IsRegular():
			folders := []string{dotGit}
			gitDir, ok := pointer(dotGit, "gitdir:")
			if !ok {
				return folders
			}
			folders = append(folders, gitDir)
			if common, ok := pointer(filepath.Join(gitDir, "commondir"), ""); ok {
				folders = append(folders, common)
			}
			return folders
		}
		if dir == filepath.Dir(dir) {
			return nil
		}
	}
}

// pointer reads the path a small file of Git's names after prefix,
// resolved from the file's folder.
func pointer(file, prefix string) (string, bool) {
	f, err := os.Open(file)
	if err != nil {
		return "", false
	}
	defer f.Close()
	data, _ := io.ReadAll(io.LimitReader(f, 4096)) // a path; anything longer is no file of Git's
	p, ok := strings.CutPrefix(strings.TrimSpace(string(data)), prefix)
	if p = strings.TrimSpace(p); !ok || p == "" {
		return "", false
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(file), p)
	}
	return realPath(p), true
}

// sameFile reports whether target is one of paths: the same name, or, when
// both exist, the same file (a name in other case, a hard link).
func sameFile(target string, paths []string) bool {
	st, err := os.Stat(target)
	for _, p := range paths {
		if target == p {
			return true
		}
		if err != nil {
			continue
		}
		if pst, err := os.Stat(p); err == nil && os.SameFile(st, pst) {
			return true
		}
	}
	return false
}

// inside reports whether target lies below one of the folders dirs: by
// name, or, for a folder that exists, by what target's existing folders
// are.
func inside(target string, dirs []string) bool {
	for _, d := range dirs {
		if strings.HasPrefix(target, d+string(filepath.Separator)) {
			return true
		}
	}
	for up := filepath.Dir(target); ; up = filepath.Dir(up) {
		if sameFile(up, dirs) {
			return true
		}
		if up == filepath.Dir(up) {
			return false
		}
	}
}

// realPath returns the absolute path the system opens for p: each part
// that exists is resolved in turn (a symlink followed, ".." taken from
// where the system is then, not from the name), and what does not exist
// yet is added as named. A symlink at p that leads nowhere stays p: a write
// replaces the link.
func realPath(p string) string {
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return filepath.Clean(p)
		}
		p = wd + string(filepath.Separator) + p
	}
	vol := filepath.VolumeName(p)
	names := strings.Split(p[len(vol):], string(filepath.Separator))
	cur := vol + string(filepath.Separator)
	for i, name := range names {
		if name == "" || name == "." {
			continue
		}
		next := filepath.Join(cur, name)
		r, err := filepath.EvalSymlinks(next)
		if err != nil {
			return filepath.Join(append([]string{next}, names[i+1:]...)...)
		}
		cur = r
	}
	return cur
}
