package record

import (
	"regexp"
	"strings"
)

// idPattern is the record format's rule for ids: the id is also the file
// name and part of the public site's URLs, so it stays a plain slug.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,62}$`)

// ValidID reports whether id follows the record format's slug rule.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// KindOfFile returns the kind of the record at a register-relative path
// ("sensors/cam-markt.yaml"), or false when the path is no record file: a
// .yaml or .yml file directly in the folder of a kind.
func KindOfFile(file string) (Kind, bool) {
	dir, name, ok := strings.Cut(file, "/")
	if !ok || strings.Contains(name, "/") || !strings.HasSuffix(name, ".yaml") && !strings.HasSuffix(name, ".yml") {
		return "", false
	}
	for _, k := range Kinds {
		if k.Folder() == dir {
			return k, true
		}
	}
	return "", false
}
