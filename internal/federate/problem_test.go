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
// with its cause after it; another error is named as what the system
// said; a shard's reason is its words.
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
		{"a shard's", shardReason{text: label.Text{"nl", "en"}}, label.Text{"nl", "en"}},
	} {
		if got := wordedReason(tt.err); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestShardReasonIsWordedAnew: the reason a shard keeps for the merge is
// read back as the site gives it, worded again from known words under
// the source as federation.yaml gives it now; one of another version (or
// another entry of federation.yaml), or naming words or places not known,
// is refused, naming the file of the cache and what to do, and nothing
// of its text is published.
func TestShardReasonIsWordedAnew(t *testing.T) {
	m := Member{Code: "GM0003", Organisation: "Gemeente U", Source: "../utrecht"}
	key := partKey(m, "", "")
	kept := func(r reason) string { return string(encodeReason(r, m)) }
	notFolder := reason{What: msgNotAFolder.In("en"), Args: []reasonArg{{Kind: argPlace, Text: "."}}}
	failed := cached{"/home/jan.jansen/cache", "parts/GM0003.failed"}
	stale := "parts/GM0003.failed in the cache was made by another version of register, or for another entry of federation.yaml: run the job of this register's province again with this version, then --merge"
	for _, tt := range []struct {
		name, data string
		member     Member
		want       string // the site's reason in English
	}{
		{"this version's", kept(notFolder), m, "../utrecht is not a folder: give the register's folder, a clone URL or its register.json"},
		{"a place within the source", kept(reason{What: msgRead.In("en"), Args: []reasonArg{{Kind: argPlace, Text: "register/sensors"}}, Cause: msgCauseDenied.In("en")}), m,
			"read ../utrecht/register/sensors: no permission"},
		{"the source moved since", kept(notFolder), Member{Code: "GM0003", Organisation: "Gemeente U", Source: "../nieuw"}, stale},
		{"an older version's, in words", `{"en":"/home/jan.jansen/utrecht is not a folder","nl":"/home/jan.jansen/utrecht is geen map"}`, m, stale},
		{"an older version's, plain text", "read /home/jan.jansen/utrecht: not a regular file", m, stale},
		{"another cache version's", `{"key":"` + partKey(m, "", "") + `x","what":"could not be read"}`, m, stale},
		{"a text not known", `{"key":"` + key + `","what":"/home/jan.jansen/utrecht is not a folder"}`, m, stale},
		{"a cause not known", `{"key":"` + key + `","what":"could not be read","cause":"open /home/jan.jansen/x: input/output error"}`, m, stale},
		{"an argument of no known kind", `{"key":"` + key + `","what":"read %s","args":[{"kind":"text","text":"/home/jan.jansen/x"}]}`, m, stale},
		{"arguments not the text's", `{"key":"` + key + `","what":"read %s"}`, m, stale},
		{"a place that climbs out", `{"key":"` + key + `","what":"read %s","args":[{"kind":"place","text":"../../home/jan.jansen/x"}]}`, m,
			"read a file of the machine that builds the national site"},
		{"a place of the machine", `{"key":"` + key + `","what":"read %s","args":[{"kind":"place","text":"/home/jan.jansen/x"}]}`, m,
			"read a file of the machine that builds the national site"},
		{"an address that is a path", `{"key":"` + key + `","what":"clone %s","args":[{"kind":"address","text":"/home/jan.jansen/x"}]}`, m, "clone (left out)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := decodeReason([]byte(tt.data), tt.member, failed)
			r, full := reasonOf(err, tt.member, "/home/jan.jansen/federatie", "/home/jan.jansen/cache")
			got := r.public(tt.member.Source)
			if got.In("en") != tt.want {
				t.Errorf("site's reason %q, want %q", got.In("en"), tt.want)
			}
			for _, text := range []string{got.In("nl"), got.In("en")} {
				if strings.Contains(text, "jan.jansen") {
					t.Errorf("the site's reason names the machine: %q", text)
				}
			}
			if tt.want == stale && !strings.Contains(full.In("en"), failed.String()) {
				t.Errorf("the operator's reason %q does not name %s", full.In("en"), failed)
			}
		})
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
	names := func(p place) (named, bool) { return named{}, false }
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
		{"a file of the cache", fail(nil, msgStalePart, cached{"/home/jan.jansen/cache", "parts/GM0001"}),
			label.Text{"parts/GM0001 in de cache is gemaakt door een andere versie van register, of voor een andere regel van federation.yaml: draai de job van de provincie van dit register opnieuw met deze versie, en dan --merge",
				"parts/GM0001 in the cache was made by another version of register, or for another entry of federation.yaml: run the job of this register's province again with this version, then --merge"}},
	} {
		if got := reasonFor(tt.err, names).public("gm1"); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
