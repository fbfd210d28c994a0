package packet

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
)

//go:embed templates/packet.html.tmpl
var templates embed.FS

// htmlTemplate is parsed once, when a packet is first written in HTML, not
// as every command starts: html/template escapes every value by context,
// so record text such as "<script>" prints as text.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("packet.html.tmpl").Funcs(template.FuncMap{
		"inc":    func(i int) int { return i + 1 },
		"name":   func(it *Item) string { return recordName(it.Record) },
		"counts": func(p *Packet) string { return p.CountText() },
	}).ParseFS(templates, "templates/packet.html.tmpl"))
})

// WriteHTML writes the packet as one self-contained HTML file: styles are
// inline and nothing is loaded from elsewhere, so it can be mailed or
// archived as it is, and it prints on A4 with a page per record.
func WriteHTML(w io.Writer, p *Packet) error {
	if err := htmlTemplate().Execute(w, p); err != nil {
		return fmt.Errorf("write HTML packet: %w", err)
	}
	return nil
}

// CountText says how many records are on the agenda and why, in words:
// "5 registraties: 1 nieuw, 2 termijn, 3 bevindingen".
func (p *Packet) CountText() string {
	var parts []string
	for _, r := range Reasons {
		if n := p.Counts[r]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, p.L.ReasonWord(r)))
		}
	}
	noun := p.L.pick([2]string{"registraties", "records"})
	if len(p.Items) == 1 {
		noun = p.L.pick([2]string{"registratie", "record"})
	}
	s := fmt.Sprintf("%d %s", len(p.Items), noun)
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s
}
