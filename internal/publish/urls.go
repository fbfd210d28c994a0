package publish

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/idna"
)

// urlForms are the other ways a text may write the web address s, when s
// is one: without its scheme (so http for https is found too), with the
// default port of either scheme, without a trailing slash, the host in
// lower case, without "www.", in its Unicode and its ASCII (punycode) form,
// without ;parameters; and the name of the document it ends in on its own
// (documentName), as a browser reaches the same document through "./",
// "../" or "//" in a path. Quotes of a secret, in a record's own fields
// (Check) and in every other text (Texts, FreeText), are looked for in
// these forms too: another document of the same name is kept back with it
// (fail closed). A text that is no address has none.
func urlForms(s string) []string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || u.User != nil || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return nil
	}
	if strings.Trim(u.Hostname(), ".") == "" {
		return nil
	}
	rest := strings.TrimSuffix(s[strings.Index(s, u.Host)+len(u.Host):], "/")
	rests := []string{rest}
	if i := strings.IndexByte(rest, ';'); i > 0 {
		rests = append(rests, rest[:i]) // without its ;parameters
	}
	var forms []string
	for _, host := range hostForms(u.Hostname()) {
		for _, rest := range rests {
			if p := u.Port(); p != "" && p != "80" && p != "443" {
				forms = append(forms, host+":"+p+rest)
				continue
			}
			forms = append(forms, host+rest, host+":443"+rest, host+":80"+rest)
		}
	}
	if doc, ok := documentName(u.Path); ok {
		forms = append(forms, doc)
	}
	return forms
}

// documentName is the last part of an address's path when it names one
// document: a file name with an extension, long enough to be its own
// ("dpia-cameratoezicht.pdf"). "index.html" or "dpia.pdf" is in too many
// addresses, and a folder's name ("/dpia/cameratoezicht/") or a page's
// ("/verwerkingsregister") is a word of many texts.
func documentName(p string) (string, bool) {
	if strings.HasSuffix(p, "/") {
		return "", false
	}
	doc, _, _ := strings.Cut(path.Base(p), ";")
	dot := strings.LastIndexByte(doc, '.')
	if len(doc) < minDocumentName || dot <= 0 || len(doc)-dot-1 < 2 || len(doc)-dot-1 > 5 {
		return "", false
	}
	return doc, true
}

// minDocumentName is how long a document's name must be to be looked for
// on its own.
const minDocumentName = 12

// hostForms are the ways a text may write the host name: in lower case,
// without "www.", and each label in its Unicode or its ASCII (punycode)
// form, as a browser takes either, one label one way and the next the
// other ("xn--bcher-kva.münchen.example").
func hostForms(host string) []string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	hosts := []string{host}
	if h, ok := strings.CutPrefix(host, "www."); ok {
		hosts = append(hosts, h)
	}
	var forms []string
	for _, h := range hosts {
		forms = append(forms, labelForms(h)...)
		// Whole, too, where labelForms stopped at maxHostForms.
		for _, convert := range []func(string) (string, error){idna.Lookup.ToASCII, idna.Lookup.ToUnicode} {
			if c, err := convert(h); err == nil && c != "" && !slices.Contains(forms, strings.ToLower(c)) {
				forms = append(forms, strings.ToLower(c))
			}
		}
	}
	return forms
}

// maxHostForms bounds a host's forms: two for each of six labels that
// have two, more than any address has.
const maxHostForms = 64

// labelForms are the host's forms with each label written either way,
// the host as written first.
func labelForms(host string) []string {
	forms := []string{""}
	for i, l := range strings.Split(host, ".") {
		ways := []string{l}
		for _, convert := range []func(string) (string, error){idna.Lookup.ToASCII, idna.Lookup.ToUnicode} {
			if c, err := convert(l); err == nil && c != "" {
				if c = strings.ToLower(c); !slices.Contains(ways, c) {
					ways = append(ways, c)
				}
			}
		}
		if len(forms)*len(ways) > maxHostForms {
			ways = ways[:1]
		}
		next := make([]string, 0, len(forms)*len(ways))
		for _, f := range forms {
			for _, w := range ways {
				if i > 0 {
					w = "." + w
				}
				next = append(next, f+w)
			}
		}
		forms = next
	}
	return forms
}
