package load

import (
	"path"
	"strings"

	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/record"
)

// A record file's name is its id and .yaml (.yml is read too, as it always
// was). A file in a record folder whose name says it is a record saved
// under another extension, such as cam.YAML, cam.Yml or cam.yaml.txt (what
// an editor on Windows makes of it when it hides extensions), is not read,
// and the register is told so (misnamed): the steward meant it as a
// record. What a Git repository holds besides is left alone without a
// word: README.md, .gitkeep and other hidden files, and the copies editors
// and tools leave next to a file (cam.yaml~, #cam.yaml#, .cam.yaml.swp,
// cam.yaml.orig after a merge, cam.yaml.bak).

// backupSuffixes are what editors and tools add to the name of a file
// they keep a copy of, in lower case.
var backupSuffixes = map[string]bool{
	".bak": true, ".backup": true, ".old": true, ".orig": true, ".rej": true,
	".save": true, ".swp": true, ".swo": true, ".tmp": true,
}

// misnamed reports whether name, a file directly in a record folder, looks
// like a record saved under another extension than .yaml and .yml, which
// are read: a case variant of either (.YAML, .Yml), or either followed by
// more (.yaml.txt, .yml.json, .yaml followed by a space), but not a copy
// an editor or tool keeps (backupSuffixes, a name ending in ~ or starting
// with #) nor a hidden file. stem is the name before that extension.
func misnamed(name string) (stem string, ok bool) {
	if record.Hidden(name) || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") {
		return "", false
	}
	// Lower case for ASCII only, so that an index into it is one into name.
	lower := strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, name)
	i, n := strings.LastIndex(lower, ".yaml"), len(".yaml")
	if j := strings.LastIndex(lower, ".yml"); j > i {
		i, n = j, len(".yml")
	}
	if i <= 0 {
		return "", false
	}
	switch rest := lower[i+n:]; {
	case rest == "" && (name[i:] == ".yaml" || name[i:] == ".yml"):
		return "", false // a record file, read as one
	case backupSuffixes[rest]:
		return "", false
	}
	return name[:i], true
}

// fileID is the id a record file whose name, without its extension, is
// stem may take: stem when it is a valid id, else one made of it (lower
// case, accents dropped, spaces and other characters hyphens, no hyphen
// first: record.Slug) when that is valid; "" when neither is.
func fileID(stem string) string {
	if record.ValidID(stem) {
		return stem
	}
	if s := record.Slug(stem); record.ValidID(s) {
		return s
	}
	return ""
}

// strayHelp says what to do with the file name in folder, a record saved
// under the wrong name whose name without its extension is stem: rename
// it to <id>.yaml, unless a record file of that name is there (exists
// gives its name, "" for none), to whose content this one then belongs.
func strayHelp(folder, stem string, exists func(id string) string) message.Phrase {
	id := fileID(stem)
	switch {
	case id == "":
		return msgRenameAfterID.With()
	case exists(id) != "":
		return msgAlreadyThere.With(path.Join(folder, exists(id)))
	case id != stem:
		return msgRenameToSetID.With(id)
	}
	return msgRenameTo.With(id)
}
