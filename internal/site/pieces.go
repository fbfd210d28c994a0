package site

import (
	"html/template"
	"strings"
)

// The HTML of what a record page shows of its fields (recordview.go): the
// rows of its sections, the pieces of a field, free text, dates and the
// words for a withheld field; and the lines of its checklist. Written here
// rather than by record.html's templates: every page has dozens of rows,
// and the template engine's reflection made them a tenth of a cold build's
// CPU. record.html takes them as functions (recordFuncs). The escaping is
// html/template's for each place (text, a quoted attribute, a link), and a
// test compares every writer with the templates they replaced, on hostile
// text (pieces_test.go).

// appendRow appends a row of a section's definition list.
func appendRow(b []byte, lang string, r *fieldRow) []byte {
	b = append(b, "<dt>"...)
	b = appendText(b, r.Label)
	b = append(b, "</dt><dd>"...)
	switch {
	case r.Held != nil:
		b = appendWithheld(b, lang, r.Held)
	case r.Missing:
		b = append(b, `<span class="missing">`...)
		b = appendWord(b, lang, "notstated")
		b = append(b, "</span>"...)
	default:
		b = appendPieces(b, r.Value)
	}
	return append(b, "</dd>"...)
}

// appendWithheld appends what a page says of a withheld field.
func appendWithheld(b []byte, lang string, w *withheldView) []byte {
	b = append(b, `<span class="withheld"><span class="icon" aria-hidden="true">🔒</span>`...)
	b = appendWord(b, lang, "withheld")
	b = append(b, "</span>"...)
	if w.Reason != "" {
		b = append(b, ` <span class="reason">(`...)
		b = appendWord(b, lang, "reason")
		b = append(b, ": "...)
		b = appendText(b, w.Reason)
		b = append(b, ")</span>"...)
	}
	return b
}

// appendPieces appends what a field shows: one piece after another.
func appendPieces(b []byte, ps []piece) []byte {
	for i := range ps {
		b = appendPiece(b, &ps[i])
	}
	return b
}

// appendPiece appends one piece: the first of its parts that is set.
func appendPiece(b []byte, p *piece) []byte {
	switch {
	case p.Text != "":
		b = appendText(b, p.Text)
	case p.Time != nil:
		b = appendTime(b, *p.Time)
	case len(p.Paras) > 0:
		if p.Lang != "" {
			b = append(b, `<div lang="`...)
			b = appendText(b, p.Lang)
			b = append(b, `">`...)
			b = appendParas(b, p.Paras)
			b = append(b, "</div>"...)
		} else {
			b = appendParas(b, p.Paras)
		}
	case p.Link != nil:
		b = append(b, `<a href="`...)
		b = appendURL(b, p.Link.Href, true)
		b = append(b, '"')
		if !p.Link.Site {
			b = append(b, ` rel="noopener"`...)
		}
		b = append(b, '>')
		b = appendText(b, p.Link.Text)
		b = append(b, "</a>"...)
	case len(p.List) > 0:
		b = append(b, `<ul class="plain">`...)
		for i := range p.List {
			b = append(b, "<li>"...)
			b = appendPiece(b, &p.List[i])
			b = append(b, "</li>"...)
		}
		b = append(b, "</ul>"...)
	case p.Para != nil:
		b = append(b, "<p>"...)
		switch {
		case p.Para.Strong:
			b = append(b, "<strong>"...)
			b = appendText(b, p.Para.Label)
			b = append(b, ":</strong> "...)
		case p.Para.Label != "":
			b = appendText(b, p.Para.Label)
			b = append(b, ": "...)
		}
		b = appendPieces(b, p.Para.Value)
		b = append(b, "</p>"...)
	case len(p.Lines) > 0:
		b = appendLines(b, p.Lines)
	case p.Code != "":
		b = append(b, "<code>"...)
		b = appendText(b, p.Code)
		b = append(b, "</code>"...)
	case p.Mail != "":
		b = append(b, `<a href="mailto:`...)
		b = appendURL(b, p.Mail, false)
		b = append(b, `">`...)
		b = appendText(b, p.Mail)
		b = append(b, "</a>"...)
	case p.Muted != "":
		b = append(b, `<span class="muted">`...)
		b = appendText(b, p.Muted)
		b = append(b, "</span>"...)
	}
	return b
}

// appendParas appends free text: paragraphs of lines.
func appendParas(b []byte, paras [][]string) []byte {
	for _, lines := range paras {
		b = append(b, "<p>"...)
		b = appendLines(b, lines)
		b = append(b, "</p>"...)
	}
	return b
}

// appendLines appends lines with a line break between each two.
func appendLines(b []byte, lines []string) []byte {
	for i, line := range lines {
		if i > 0 {
			b = append(b, "<br>"...)
		}
		b = appendText(b, line)
	}
	return b
}

// appendTime appends a date, machine-readable where it is one.
func appendTime(b []byte, t timePiece) []byte {
	if t.Datetime == "" {
		return appendText(b, t.Text)
	}
	b = append(b, `<time datetime="`...)
	b = appendText(b, t.Datetime)
	b = append(b, `">`...)
	b = appendText(b, t.Text)
	return append(b, "</time>"...)
}

// appendPrincipleLine appends a line of a record page's checklist for a
// principle: with its findings (problem), or one not checked (notchecked).
// Each line ends its own.
func appendPrincipleLine(b []byte, problem bool, p *principleRow) []byte {
	b = append(b, "<li>"...)
	b = appendLevel(b, p.Class, p.Icon, p.Level)
	b = appendRefLink(append(b, ' '), p.URL, p.Label, p.Ref)
	if problem {
		b = append(b, "<ul>"...)
		for i := range p.Findings {
			b = append(b, "<li>"...)
			b = appendFinding(b, &p.Findings[i])
			b = append(b, "</li>"...)
		}
		b = append(b, "</ul>"...)
	}
	return append(b, "</li>\n"...)
}

// appendRefLink appends a link to a principle or rule, then its reference
// in brackets: "<a>Transparant</a> (VNG 1.2)".
func appendRefLink(b []byte, url, label, ref string) []byte {
	b = append(b, `<a href="`...)
	b = appendURL(b, url, true)
	b = append(b, `">`...)
	b = appendText(b, label)
	b = append(b, `</a> <span class="meta">(`...)
	b = appendText(b, ref)
	return append(b, ")</span>"...)
}

// appendOtherLine appends a line of the checklist for a finding that cites
// no principle.
func appendOtherLine(b []byte, f *findingView) []byte {
	b = append(b, "<li>"...)
	b = appendLevel(b, f.Class, f.Icon, f.Level)
	b = append(b, ' ')
	b = appendFinding(b, f)
	return append(b, "</li>\n"...)
}

// appendUndisclosedLine appends a line of the checklist for a rule whose
// verdict is not public: "Oordeel niet openbaar: <rule> (ref): het berust
// op gegevens die niet openbaar zijn (Reden: ...)".
func appendUndisclosedLine(b []byte, lang string, l *undisclosedLine) []byte {
	b = append(b, "<li>"...)
	b = appendLevel(b, "sev-info", symLock, t(lang, "verdict.withheld"))
	b = append(b, ' ')
	if l.URL != "" {
		b = appendRefLink(b, l.URL, l.Title, l.Ref)
	} else {
		b = appendText(b, l.Title)
	}
	b = append(b, ": "...)
	b = appendWord(b, lang, "verdict.withheldwhy")
	if l.Reason != "" {
		b = append(b, ` <span class="reason">(`...)
		b = appendWord(b, lang, "reason")
		b = append(b, ": "...)
		b = appendText(b, l.Reason)
		b = append(b, ")</span>"...)
	}
	return append(b, ".</li>\n"...)
}

// appendLevel appends a severity with its symbol, then a colon: "Fout:".
func appendLevel(b []byte, class, icon, level string) []byte {
	b = append(b, `<span class="sev `...)
	b = appendText(b, class)
	b = append(b, `"><span class="icon" aria-hidden="true">`...)
	b = appendText(b, icon)
	b = append(b, "</span>"...)
	b = appendText(b, level)
	return append(b, ":</span>"...)
}

// appendFinding appends a finding: its rule's title, message and help,
// marked with the language they are in when it is not the page's.
func appendFinding(b []byte, f *findingView) []byte {
	if f.Title != "" {
		b = append(b, "<strong>"...)
		b = appendText(b, f.Title)
		b = append(b, ":</strong> "...)
	}
	lang := func(b []byte) []byte {
		if f.Mark == "" {
			return b
		}
		b = append(b, ` lang="`...)
		b = appendText(b, f.Mark)
		return append(b, '"')
	}
	b = lang(append(b, "<span"...))
	b = append(b, '>')
	b = appendText(b, f.Message)
	b = append(b, "</span>"...)
	if f.Help != "" {
		b = lang(append(b, ` <span class="help"`...))
		b = append(b, '>')
		b = appendText(b, f.Help)
		b = append(b, "</span>"...)
	}
	b = append(b, ` <span class="meta">[`...)
	b = appendText(b, f.Rule)
	return append(b, "]</span>"...)
}

// appendWord appends one of the site's words, escaped as record.html's
// words are.
func appendWord(b []byte, lang, key string) []byte {
	return append(b, template.HTMLEscapeString(t(lang, key))...)
}

// appendText appends s escaped for an HTML text node or a quoted
// attribute value, as html/template escapes a string there (textEscapes).
func appendText(b []byte, s string) []byte {
	for {
		i := strings.IndexAny(s, "\x00\"&'+<>")
		if i < 0 {
			return append(b, s...)
		}
		b = append(append(b, s[:i]...), textEscapes[s[i]]...)
		s = s[i+1:]
	}
}

// textEscapes are html/template's replacements in text and quoted
// attributes: the five specials, '+', and NUL as U+FFFD.
var textEscapes = [...]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// unsafeURL is what html/template writes for a link whose scheme it does
// not allow.
const unsafeURL = "#ZgotmplZ"

// appendURL appends s as html/template writes it in a quoted URL attribute:
// at its start (whole) a link with a scheme other than http, https or
// mailto is refused; the URL is normalised (bytes outside a URL's
// characters percent-encoded, valid escapes kept) and then escaped as an
// attribute's text.
func appendURL(b []byte, s string, whole bool) []byte {
	if whole && !safeScheme(s) {
		return append(b, unsafeURL...)
	}
	const hex = "0123456789abcdef"
	var norm []byte
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		norm = append(append(norm, s[written:i]...), '%', hex[c>>4], hex[c&15])
		written = i + 1
	}
	if norm == nil {
		return appendText(b, s)
	}
	return appendText(b, string(append(norm, s[written:]...)))
}

// safeScheme reports whether a link's scheme, if it has one, is http,
// https or mailto, in any case.
func safeScheme(s string) bool {
	scheme, _, ok := strings.Cut(s, ":")
	if !ok || strings.Contains(scheme, "/") {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// recordFuncs are the writers above as record.html's functions, for the
// page's language.
func recordFuncs(lang string) template.FuncMap {
	html := func(b []byte) template.HTML { return template.HTML(b) }
	return template.FuncMap{
		"pieces": func(ps []piece) template.HTML { return html(appendPieces(nil, ps)) },
		"paras":  func(paras [][]string) template.HTML { return html(appendParas(nil, paras)) },
		"when":   func(t timePiece) template.HTML { return html(appendTime(nil, t)) },
		"withheld": func(w any) template.HTML {
			switch w := w.(type) {
			case withheldView:
				return html(appendWithheld(nil, lang, &w))
			case *withheldView:
				if w != nil {
					return html(appendWithheld(nil, lang, w))
				}
			}
			return ""
		},
	}
}
