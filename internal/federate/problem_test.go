package federate

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/label"
)

// TestReasonsInBothLanguages: a problem is worded in Dutch and English,
// with its cause after it; another error is named as what the system said;
// a shard's reason reads back as written, and one of an older version
// (plain text) as that text.
func TestReasonsInBothLanguages(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want label.Text
	}{
		{"a problem", fail(nil, msgNotCloned, "https://git.example/r.git"),
			label.Text{"https://git.example/r.git is nog niet gekloond: draai met --fetch om het te klonen (zonder dat wordt niets opgehaald)",
				"https://git.example/r.git has not been cloned yet: run with --fetch to clone it (nothing is fetched without it)"}},
		{"a problem with its cause", fail(fs.ErrPermission, msgRead, "register.json"),
			label.Text{"register.json lezen: permission denied", "read register.json: permission denied"}},
		{"wrapped further", fmt.Errorf("member: %w", fail(nil, msgNotAFolder, "gm1")),
			label.Text{"gm1 is geen map: geef de map van het register, een kloon-URL of zijn register.json",
				"gm1 is not a folder: give the register's folder, a clone URL or its register.json"}},
		{"another error", errors.New("disk full"), label.Text{"kon niet worden gelezen: disk full", "could not be read: disk full"}},
		{"a shard's", shardReason{label.Text{"nl", "en"}}, label.Text{"nl", "en"}},
	} {
		if got := wordedReason(tt.err); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if back := decodeReason(encodeReason(tt.want)); back != tt.want {
			t.Errorf("%s: kept by a shard and read back: %q", tt.name, back)
		}
	}
	if got := decodeReason([]byte("read x: not a regular file")); got != (label.Text{"read x: not a regular file", "read x: not a regular file"}) {
		t.Errorf("an older shard's reason reads as %q", got)
	}
}

// TestPublicReasonQuotesTheSourceAsWritten: the reason the national site
// gives for a register it could not read quotes the source as
// federation.yaml gives it, wherever the run starts, and names no path of
// the machine that built it; the operator's report has the full text.
func TestPublicReasonQuotesTheSourceAsWritten(t *testing.T) {
	for _, tt := range []struct {
		name, source string
		fromHere     bool // run in federation.yaml's folder, naming it "federation.yaml"
		files        map[string]string
		want         string // how the reason starts
	}{
		{"a folder beside", "../utrecht", false, nil, "../utrecht is not a folder: give"},
		{"a folder beside, from here", "../utrecht", true, nil, "../utrecht is not a folder: give"},
		{"a path that climbs out, from here", "../../../etc/passwd", true, nil, "../../../etc/passwd is not a folder"},
		{"a folder below, from here", "./gm/utrecht", true, nil, "./gm/utrecht is not a folder"},
		{"open data not there", "../open/register.json", false, nil, "read ../open/register.json: not found"},
		{"a part not there", "site/data/register.json", true, map[string]string{"site/data/register.json": `{"parts": [{"url": "register/1.json"}]}`},
			"read site/data/register/1.json: not found"},
		{"open data that does not read", "kapot.json", false, map[string]string{"kapot.json": "{\"records\": [\n {\"id\": \"a\",}]}"},
			"read kapot.json: not a register's open data (register.json): line 2, column"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			home := filepath.Join(t.TempDir(), "jan.jansen")
			dir := filepath.Join(home, "federatie")
			for name, text := range tt.files {
				write(t, filepath.Join(dir, name), text)
			}
			fed := federationOfOne(t, dir, "Gemeente U", "GM0344", tt.source)
			out := filepath.Join(home, "out")
			if tt.fromHere {
				t.Chdir(dir)
				var err error
				if fed, err = LoadConfig("federation.yaml"); err != nil {
					t.Fatal(err)
				}
			}
			res, err := Run(fed, Options{Out: out, Today: today})
			if err != nil {
				t.Fatal(err)
			}
			wantFailed(t, res, tt.want)
			f := res.Failed[0]
			for _, text := range []string{f.Reason, f.ReasonNL, allText(t, out)} {
				if strings.Contains(text, "jan.jansen") {
					t.Errorf("the national site names the machine's folder: %q", f.Reason)
				}
			}
			if !strings.HasPrefix(f.Reason, tt.want) {
				t.Errorf("reason %q, want it to start %q", f.Reason, tt.want)
			}
			var b strings.Builder
			if err := WriteReport(&b, "text", "en", res); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), f.Reason) {
				t.Errorf("the report does not give the reason %q:\n%s", f.Reason, b.String())
			}
		})
	}
}

// TestPublicReasonFailsClosed: a problem's words on the site are its own
// and the names it knows; an argument of another kind, and what the
// system said, are left out, bar a few known causes.
func TestPublicReasonFailsClosed(t *testing.T) {
	names := func(p place) (string, bool) { return "", false }
	for _, tt := range []struct {
		name string
		err  error
		want label.Text
	}{
		{"a path given as text", fail(nil, msgRead, "/home/jan.jansen/x"), label.Text{"(weggelaten) lezen", "read (left out)"}},
		{"a place it does not name", fail(nil, msgRead, place("/home/jan.jansen/x")),
			label.Text{"een bestand op de computer die de landelijke site bouwt lezen", "read a file of the machine that builds the national site"}},
		{"what the system said", fail(errors.New("open /home/jan.jansen/x: input/output error"), msgReadRegister, address("https://u:p@git.example/r.git")),
			label.Text{"register https://git.example/r.git lezen", "read register https://git.example/r.git"}},
		{"a known cause", fail(fmt.Errorf("open /home/jan.jansen/x: %w", fs.ErrPermission), msgRead, place("/home/jan.jansen/x")),
			label.Text{"een bestand op de computer die de landelijke site bouwt lezen: geen toegang", "read a file of the machine that builds the national site: no permission"}},
		{"another error", errors.New("mkdir /home/jan.jansen/cache: no space left on device"), label.Text{"kon niet worden gelezen", "could not be read"}},
		{"a bug", fail(errors.New("/home/jan.jansen"), msgBug), label.Text{"kon niet worden gelezen; meld dit als fout", "could not be read; report this as a bug"}},
	} {
		if got := publicReason(tt.err, names); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
