package site

import (
	"html/template"
	"net/url"
	"strings"
)

// Record text is written into pages through these helpers, which escape
// everything; template.HTML is only ever built from their output.

// esc escapes text for HTML content and attribute values.
func esc(s string) string { return template.HTMLEscapeString(s) }

// isWebURL reports whether a link from a record may be rendered as a link:
// only absolute http(s) URLs with a host, so "javascript:" and friends stay text.
func isWebURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return false
	}
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil
}

// link renders an http(s) URL as a link with the text (the URL itself when
// text is empty); any other value is shown as escaped text.
func link(rawURL, text string) string {
	if text == "" {
		text = rawURL
	}
	if !isWebURL(rawURL) {
		return esc(text)
	}
	return `<a href="` + esc(strings.TrimSpace(rawURL)) + `" rel="noopener">` + esc(text) + `</a>`
}

// paragraphs renders free text: a blank line starts a paragraph, a single
// line break is kept.
func paragraphs(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
	if s == "" {
		return ""
	}
	var b strings.Builder
	for _, p := range strings.Split(s, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(esc(p), "\n", "<br>"))
		b.WriteString("</p>")
	}
	return b.String()
}

// dateTag renders a YYYY-MM-DD date as a <time> element read as a person
// says it; other text is escaped as it is.
func dateTag(lang, s string) string {
	if s == "" {
		return ""
	}
	long := longDate(lang, s)
	if long == s {
		return esc(s)
	}
	return `<time datetime="` + esc(s) + `">` + esc(long) + `</time>`
}

// icon is a decorative symbol next to a text that says the same, so status
// is never carried by colour or symbol alone.
func icon(sym string) string { return `<span class="icon" aria-hidden="true">` + sym + `</span>` }

// Status symbols.
const (
	symOK    = "✓"
	symWarn  = "!"
	symError = "✗"
	symInfo  = "i"
	symLock  = "🔒"
)
