package packet

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/voorbeeldstad/register/internal/finding"
	"github.com/voorbeeldstad/register/internal/history"
	"github.com/voorbeeldstad/register/internal/label"
)

// hostile is record text that tries to become markup in each format.
const hostile = `<script>alert(1)</script> [klik](https://evil.example/x) | pijp ![img](http://evil.example/i.png) *nadruk* # kop`

// fixture builds a packet with history, hostile text, Dutch characters, an
// exception, a long text and enough findings for a table over several pages.
func fixture(t *testing.T, lang string) *Packet {
	t.Helper()
	g := newGitRegister(t)
	g.commit(time.Date(2026, 9, 1, 10, 0, 0, 0, time.UTC), "first", map[string]string{
		"sensors/cam-plein.yaml": sensor("cam-plein", "Camera Marktplein", "camera",
			"lifecycle: {start: 2025-06-01, end: 2027-05-31}", "evaluation: {interval: P1Y, last: 2025-06-01}",
			"exceptions: [{rule: signage, reason: Borden worden vervangen, approved_by: burgemeester, approved_on: 2026-10-01, until: 2027-01-31}]"),
		"algorithms/meldingen.yaml": algorithm("meldingen", "Meldingen sorteren", "purpose: Meldingen sturen.", quietDates),
	})
	if _, err := history.Tag(g.dir, "ethiek-2026-09", "", time.Date(2026, 9, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Deze sensor meet het geluid op het plein en de commissie wil weten waarom. ", 90) + "EINDE-VAN-DE-TEKST"
	g.commit(time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC), "café Ëlla: nieuwe sensor", map[string]string{
		"sensors/cafe-ella.yaml": sensor("cafe-ella", "Geluidsmeter café Ëlla & Zoë", "noise",
			"summary: '"+strings.ReplaceAll(hostile, "'", "''")+"'", quietDates, "problem: '"+long+"'"),
		"algorithms/meldingen.yaml": algorithm("meldingen", "Meldingen sorteren", "purpose: 'Meldingen <b>sturen</b> naar het geëigende team.'", quietDates),
	})
	reg := loadRegister(t, g.dir)
	repo, err := history.Open(g.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	fs := []finding.Finding{{File: "sensors/cafe-ella.yaml", Record: "cafe-ella", Rule: "signage", Principle: "VNG 4.3",
		Severity: finding.Error, Message: label.Text{"geen borden " + hostile, "no signs " + hostile},
		Help: label.Text{"hang borden op", "add signage"}}}
	for i := range 60 {
		msg := fmt.Sprintf("bevinding nummer %d: de uitleg ontbreekt of is te kort voor inwoners", i+1)
		fs = append(fs, finding.Finding{File: "algorithms/meldingen.yaml", Record: "meldingen", Rule: "explanation", Principle: "C-human-oversight",
			Severity: finding.Warning, Line: i + 1, Message: label.Text{msg, msg}, Help: label.Text{"vul explanation in", ""}})
	}
	p, err := Build(reg, fs, Options{Today: meeting, History: repo, Since: "ethiek-2026-09", SinceFromTag: true, Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func render(t *testing.T, p *Packet, f Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, p, f); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestHTMLSelfContainedAndEscaped(t *testing.T) {
	p := fixture(t, "nl")
	out := render(t, p, HTML)
	doc, err := html.Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var anchors, ids []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "link", "img", "iframe", "object", "embed", "base", "form":
				t.Errorf("element <%s> in the packet", n.Data)
			}
			for _, a := range n.Attr {
				switch strings.ToLower(a.Key) {
				case "src", "srcset", "action", "poster":
					t.Errorf("<%s %s=%q>: the packet loads nothing", n.Data, a.Key, a.Val)
				case "href":
					if !strings.HasPrefix(a.Val, "#") {
						t.Errorf("<%s href=%q>: only links inside the packet", n.Data, a.Val)
					}
					anchors = append(anchors, a.Val[1:])
				case "id":
					ids = append(ids, a.Val)
				case "style":
					t.Errorf("<%s style=...>: styles belong in the one <style> element", n.Data)
				}
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("<%s %s=...>: event handler", n.Data, a.Key)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, a := range anchors {
		if !strings.Contains(strings.Join(ids, " "), a) {
			t.Errorf("agenda links to #%s, which is not in the packet", a)
		}
	}
	if len(anchors) != len(p.Items) {
		t.Errorf("%d agenda links for %d items", len(anchors), len(p.Items))
	}
	s := string(out)
	for _, bad := range []string{"@import", "url(", "<script>alert", "<b>sturen</b>"} {
		if strings.Contains(s, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"Meldingen &lt;b&gt;sturen&lt;/b&gt; naar het geëigende team.",
		"Geluidsmeter café Ëlla &amp; Zoë",
		`<html lang="nl">`, "@page { size: A4;", "thead { display: table-header-group; }",
		"Reviewpakket ethische commissie", "Vragen voor de commissie", "Bijlage: de aangehaalde principes",
		"De evaluatie is te laat: wanneer komt die",   // the camera's lapsed evaluation
		"Een uitzondering loopt af (31 januari 2027)", // and its ending exception
		"<td>signage (Herkenbaarheid)</td><td>Borden worden vervangen</td><td>burgemeester (1 oktober 2026)</td><td>31 januari 2027</td><td>Geldt</td>",
		// the Dutch packet shows the finding's Dutch message and help
		"<td>geen borden &lt;script&gt;alert(1)&lt;/script&gt;", "<br><em>hang borden op</em></td>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	p := fixture(t, "nl")
	s := string(render(t, p, Markdown))
	for _, bad := range []string{"<script>", "<b>"} {
		if strings.Contains(s, bad) {
			t.Errorf("Markdown contains %q", bad)
		}
	}
	// A link or image is "](" not preceded by an escaped bracket.
	if m := regexp.MustCompile(`[^\\]\]\(https?://evil`).FindString(s); m != "" {
		t.Errorf("Markdown has a link from record text: %q", m)
	}
	for _, want := range []string{
		`&lt;script&gt;alert(1)&lt;/script&gt; \[klik\](https://evil.example/x) \| pijp \!\[img\](http://evil.example/i.png) \*nadruk\* \# kop`,
		"# Reviewpakket ethische commissie",
		"## 1. Camera Marktplein",
		"| Doel en impact | Gewijzigd | Meldingen sturen. | Meldingen &lt;b&gt;sturen&lt;/b&gt; naar het geëigende team. |",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	// Every table row has as many cell separators as its header.
	pipes := regexp.MustCompile(`(^|[^\\])\|`)
	var cols int
	for i, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = 0
			continue
		}
		n := len(pipes.FindAllString(line, -1))
		if cols == 0 {
			cols = n
		} else if n != cols {
			t.Errorf("line %d has %d separators, its table %d: %s", i+1, n, cols, line)
		}
	}
}

// TestMarkdownEscapesConfiguredText pins that text from the configuration
// and the command line (the organisation, the committee, the meeting) is
// escaped like record text and cannot start a heading of its own.
func TestMarkdownEscapesConfiguredText(t *testing.T) {
	p := fixture(t, "nl")
	p.Organisation = "Gemeente <img src=x onerror=alert(1)> [klik](https://evil.example/o)\n# Kop uit de configuratie"
	p.Committee = "Commissie\n\n<script>alert(2)</script>"
	p.Meeting = "2026-11-24 ![img](http://evil.example/m.png)"
	p.Title = "Pakket\n---"
	s := string(render(t, p, Markdown))
	for _, bad := range []string{"<img", "<script>", "\n# Kop", "\n---\n\n**"} {
		if strings.Contains(s, bad) {
			t.Errorf("Markdown contains %q", bad)
		}
	}
	if m := regexp.MustCompile(`[^\\]\]\(https?://evil`).FindString(s); m != "" {
		t.Errorf("Markdown has a link from configured text: %q", m)
	}
	if !strings.Contains(s, `- **Organisatie:** Gemeente &lt;img src=x onerror=alert(1)&gt; \[klik\](https://evil.example/o) \# Kop uit de configuratie`) {
		t.Errorf("the organisation is not shown escaped on one line:\n%s", s[:min(len(s), 800)])
	}
}

func TestPDF(t *testing.T) {
	for _, lang := range []string{"nl", "en"} {
		t.Run(lang, func(t *testing.T) {
			p := fixture(t, lang)
			out := render(t, p, PDF)
			// The same packet gives the same file, though its pages are
			// written on a goroutine of their own while the next are
			// laid out.
			for range 3 {
				if again := render(t, p, PDF); !bytes.Equal(again, out) {
					t.Fatal("the same packet gave another PDF")
				}
			}
			pages := pageTexts(t, out)
			all := flat(strings.Join(pages, "\n"))
			for _, it := range p.Items {
				if !strings.Contains(all, recordName(it.Record)) {
					t.Errorf("the PDF lacks the record name %q", recordName(it.Record))
				}
			}
			for _, want := range []string{
				"Geluidsmeter café Ëlla & Zoë",                // Dutch characters round-trip
				"<script>alert(1)</script> [klik]",            // record text prints as text
				"EINDE-VAN-DE-TEKST",                          // a row longer than a page is not cut off
				"bevinding nummer 1:", "bevinding nummer 60:", // the whole table
				p.L.AppendixT,
			} {
				if !strings.Contains(all, want) {
					t.Errorf("the PDF lacks %q", want)
				}
			}
			if strings.Contains(all, "\uFFFD") {
				t.Error("text the fonts' ToUnicode maps do not cover")
			}
			// Footers count the pages.
			last := pages[len(pages)-1]
			if want := fmt.Sprintf("%s %d %s %d", p.L.Page, len(pages), p.L.Of, len(pages)); !strings.Contains(last, want) {
				t.Errorf("last page's footer lacks %q", want)
			}
			// The findings table of "meldingen" spans pages, and each of its
			// pages repeats the header row.
			spanned := 0
			for _, pg := range pages {
				if strings.Contains(pg, "bevinding nummer") {
					spanned++
					if !strings.Contains(pg, p.L.Severity+"\n") {
						t.Errorf("a page of the findings table has no header row %q", p.L.Severity)
					}
				}
			}
			if spanned < 2 {
				t.Errorf("the 60 findings fit on %d page; the test needs a table over pages", spanned)
			}
		})
	}
}

func TestPDFRendersWithPoppler(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	dir := t.TempDir()
	pdfPath := filepath.Join(dir, "pakket.pdf")
	if err := WriteFile(pdfPath, fixture(t, "nl")); err != nil {
		t.Fatal(err)
	}
	prefix := filepath.Join(dir, "page")
	cmd := exec.Command("pdftoppm", "-r", "50", "-png", "-f", "3", "-l", "3", pdfPath, prefix)
	if out, err := cmd.CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	matches, _ := filepath.Glob(prefix + "*.png")
	if len(matches) != 1 {
		t.Fatalf("pdftoppm wrote %v", matches)
	}
	f, err := os.Open(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	// A4 at 50 dpi: 413 × 585 pixels.
	if b.Dx() < 400 || b.Dx() > 420 || b.Dy() < 580 || b.Dy() > 590 {
		t.Errorf("page is %d×%d pixels, want A4 at 50 dpi", b.Dx(), b.Dy())
	}
	dark := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
				dark++
			}
		}
	}
	if dark < 2000 {
		t.Errorf("only %d dark pixels: the page looks empty", dark)
	}
	if dst := os.Getenv("PACKET_PNG"); dst != "" { // to look at the page by hand
		data, _ := os.ReadFile(matches[0])
		_ = os.WriteFile(dst, data, 0o644)
	}
}

func TestWriteFile(t *testing.T) {
	p := fixture(t, "en")
	dir := t.TempDir()
	for _, name := range []string{"packet.html", "packet.md", "packet.pdf"} {
		path := filepath.Join(dir, name)
		if err := WriteFile(path, p); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v, %d bytes", name, err, len(data))
		}
		f, _ := FormatFor(name)
		if want := render(t, p, f); !bytes.Equal(data, want) {
			t.Errorf("%s differs from rendering the same packet again: output is not deterministic", name)
		}
	}
	if err := WriteFile(filepath.Join(dir, "packet.docx"), p); err == nil || !strings.Contains(err.Error(), ".html, .md or .pdf") {
		t.Errorf("a .docx file: %v", err)
	}
	if err := WriteFile(filepath.Join(dir, "missing", "packet.pdf"), p); err == nil {
		t.Error("a folder that does not exist: no error")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
