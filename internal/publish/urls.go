package publish

import (
	"net/url"
	"strings"
)

// urlForms are the other ways a text may write the web address s, when s
// is one: without its scheme (so http for https is found too), with the
// default port of either scheme, without a trailing slash, the host in
// lower case. Quotes of a secret, in a record's own fields (Check) and in
// every other text (Texts, FreeText), are looked for in these forms too.
// A text that is no address has none.
func urlForms(s string) []string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || u.User != nil || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return nil
	}
	host := strings.ToLower(u.Hostname())
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	rest := strings.TrimSuffix(s[strings.Index(s, u.Host)+len(u.Host):], "/")
	forms := []string{host + rest}
	if u.Port() == "" || u.Port() == "80" || u.Port() == "443" {
		forms = append(forms, host+":443"+rest, host+":80"+rest)
	}
	return forms
}
