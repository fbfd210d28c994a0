package federate

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/voorbeeldstad/register/internal/testgen"
)

func TestCSPAllowsOnlyTheSite(t *testing.T) {
	directives := map[string]string{}
	for _, d := range strings.Split(csp, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = value
	}
	for name, want := range map[string]string{
		"default-src": "'self'", "style-src": "'self'", "script-src": "'self'", "connect-src": "'self'",
		"img-src": "'self' data:", "object-src": "'none'", "base-uri": "'self'", "form-action": "'self'",
	} {
		if directives[name] != want {
			t.Errorf("%s is %q, want %q", name, directives[name], want)
		}
	}
	if strings.Contains(csp, "unsafe") || strings.Contains(csp, "*") || strings.Contains(csp, "http") {
		t.Errorf("the policy allows inline code or another host: %s", csp)
	}
}

// TestPagesCarryCSPAndNoInlineCode builds a national site from registers
// whose names and texts try to smuggle in style and script, and checks
// every page: it carries the Content-Security-Policy, has no <style>
// element, style attribute, inline script or event handler, and loads its
// stylesheet and script from files of the site itself.
func TestPagesCarryCSPAndNoInlineCode(t *testing.T) {
	dir := t.TempDir()
	hiding(t, filepath.Join(dir, "dorp"), "Gemeente Dorp")
	write(t, filepath.Join(dir, "dorp", "sensors", "vijandig.yaml"), `id: vijandig
kind: sensor
name: "Teller <style>body{display:none}</style><script>alert(1)</script>"
summary: "Telt \" style=\"color:red\" onload=\"alert(2)\" <img src=x onerror=alert(3)>"
status: active
sensor_type: bicycle_counter
location:
  description: Brug
  point: {lat: 52.1, lon: 5.2}
`)
	if err := testgen.Write(filepath.Join(dir, "stad"), 30, 3); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "federation.yaml"), `title: "Proef <style>*{color:red}</style>"
registers:
  - {organisation: Gemeente Dorp, code: GM0001, source: dorp}
  - {organisation: "Gemeente <script>alert(4)</script>", code: GM0002, province: "Utrecht\" style=\"x", source: stad}
  - {organisation: Gemeente Weg, code: GM0003, source: "weg <style>"}
`)
	fed, err := LoadConfig(filepath.Join(dir, "federation.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if _, err := Run(fed, Options{Out: out, Today: today, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	pages := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		pages++
		rel, _ := filepath.Rel(out, p)
		checkPage(t, out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// index, map, quality, open data, search, and a page per register read.
	if pages != 7 {
		t.Errorf("checked %d pages, want 7", pages)
	}
	css, err := os.ReadFile(filepath.Join(out, "site.css"))
	if err != nil || !strings.Contains(string(css), "font-family") {
		t.Errorf("site.css is missing or holds no style (%v)", err)
	}
}

// checkPage checks one page of the national site at rel under out.
func checkPage(t *testing.T, out, rel string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, rel))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	policies, stylesheets := 0, 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				attr[key] = a.Val
				switch {
				case key == "style":
					t.Errorf("%s: <%s style=%q>: styles belong in site.css", rel, n.Data, a.Val)
				case strings.HasPrefix(key, "on"):
					t.Errorf("%s: <%s %s=%q>: an inline event handler", rel, n.Data, a.Key, a.Val)
				case (key == "href" || key == "src" || key == "action") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"):
					t.Errorf("%s: <%s %s=%q>: script in an address", rel, n.Data, a.Key, a.Val)
				}
			}
			switch n.Data {
			case "style":
				t.Errorf("%s: an inline <style> element", rel)
			case "script":
				if n.FirstChild != nil {
					t.Errorf("%s: an inline <script>", rel)
				}
				if attr["src"] == "" {
					t.Errorf("%s: a <script> without src", rel)
				} else {
					checkLocal(t, out, rel, attr["src"])
				}
			case "meta":
				if strings.EqualFold(attr["http-equiv"], "Content-Security-Policy") {
					policies++
					if attr["content"] != csp {
						t.Errorf("%s: Content-Security-Policy %q, want %q", rel, attr["content"], csp)
					}
					if n.Parent == nil || n.Parent.Data != "head" {
						t.Errorf("%s: the policy is not in <head>", rel)
					}
				}
			case "link":
				if attr["rel"] == "stylesheet" {
					stylesheets++
					checkLocal(t, out, rel, attr["href"])
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if policies != 1 {
		t.Errorf("%s carries %d Content-Security-Policy meta elements, want 1", rel, policies)
	}
	if stylesheets != 1 {
		t.Errorf("%s links %d stylesheets, want 1", rel, stylesheets)
	}
}

// checkLocal checks that ref, linked from the page at rel, is a file of
// the site under out.
func checkLocal(t *testing.T, out, rel, ref string) {
	t.Helper()
	if strings.Contains(ref, ":") || strings.HasPrefix(ref, "/") {
		t.Errorf("%s loads %q, not a file of the site beside it", rel, ref)
		return
	}
	if _, err := os.Stat(filepath.Join(out, filepath.Dir(rel), filepath.FromSlash(ref))); err != nil {
		t.Errorf("%s loads %q, which the site does not hold: %v", rel, ref, err)
	}
}
