package config

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/voorbeeldstad/register/internal/finding"
)

// addressOf reads each address setting back from a configuration.
var addressOf = map[string]func(*Config) string{
	"site.base_url":           func(c *Config) string { return c.Site.BaseURL },
	"site.report_error_url":   func(c *Config) string { return c.Site.ReportErrorURL },
	"site.tiles_url":          func(c *Config) string { return c.Site.TilesURL },
	"open_data.licence":       func(c *Config) string { return c.OpenData.Licence },
	"open_data.publisher_uri": func(c *Config) string { return c.OpenData.PublisherURI },
	"notice.new_file_url":     func(c *Config) string { return c.Notice.NewFileURL },
}

// Addresses no web-address setting takes, whatever its form: other
// schemes, relative addresses, a user, text that breaks out of a link.
var badAddresses = []string{
	"javascript:alert(1)//",
	"JavaScript:alert(1)",
	"data:text/html,<script>alert(1)</script>",
	"vbscript:msgbox(1)",
	"ftp://files.example/x",
	"//evil.example/{z}/{x}/{y}.png",
	"sensoren/{z}/{x}/{y}",
	"https:evil.example",
	"https://",
	"https://user:pw@evil.example/{z}/{x}/{y}",
	`https://evil.example/{z}/{x}/{y}"><script>`,
	"https://evil.example/ {z}/{x}/{y}",
}

// goodAddress is one address each setting takes.
var goodAddress = map[string]string{
	"site.base_url":           "https://register.dorp.example/",
	"site.report_error_url":   "https://www.dorp.example/fout?record={id}",
	"site.tiles_url":          "https://tiles.example/{z}/{x}/{y}.png",
	"open_data.licence":       "https://creativecommons.org/licenses/by/4.0/",
	"open_data.publisher_uri": "http://dorp.example/id",
	"notice.new_file_url":     "https://forge.example/new?filename={file}&value={content}",
}

// What each setting refuses for its own form, beyond badAddresses.
var badFor = map[string][]string{
	"site.base_url":       {"https://register.dorp.example/?x=1", "https://register.dorp.example/#top"},
	"site.tiles_url":      {"http://evil.example/{z}/{x}/{y}.png", "https://tiles.example/{z}/{x}.png", "https://{s}.tiles.example/{z}/{x}/{y}.png"},
	"notice.new_file_url": {"http://forge.example/new?value={content}"},
}

// cases are every bad value of every address setting, by key.
func addressCases() (keys []string, bad map[string][]string) {
	bad = map[string][]string{}
	for k := range addressOf {
		keys = append(keys, k)
		bad[k] = append(slices.Clone(badAddresses), badFor[k]...)
	}
	slices.Sort(keys)
	return keys, bad
}

// quoted writes s as a YAML text in double quotes.
func quoted(s string) string { return fmt.Sprintf("%q", s) }

// TestBadAddressInTheFileIsOneFindingAndNotSet: a web address that fails
// its check in register.yaml is one error at its value, whose help says
// what to write, and the setting is not set (its default); a good one is
// kept.
func TestBadAddressInTheFileIsOneFindingAndNotSet(t *testing.T) {
	def := Default()
	keys, bad := addressCases()
	for _, key := range keys {
		section, name, _ := strings.Cut(key, ".")
		for _, v := range bad[key] {
			t.Run(key+"="+v, func(t *testing.T) {
				// Line 3, column 9: the value.
				text := "organisation: Dorp\n" + section + ":\n  " + name + ": " + quoted(v) + "\n"
				c, fs, err := Load(writeConfig(t, text))
				if err != nil {
					t.Fatal(err)
				}
				if got, want := addressOf[key](c), addressOf[key](def); got != want {
					t.Errorf("%s = %q, want %q: not set", key, got, want)
				}
				if len(fs) != 1 {
					t.Fatalf("%d findings, want one: %v", len(fs), fs)
				}
				f := fs[0]
				col := len(name) + 5
				if f.File != FileName || f.Line != 3 || f.Column != col || f.Severity != finding.Error || f.Rule != finding.RuleConfig {
					t.Errorf("finding at %s %s, want %s:3:%d error", f.Position(), f.Severity, FileName, col)
				}
				if msg := f.Message.In("en"); !strings.HasPrefix(msg, key+": "+quoted(v)+" is not an http") {
					t.Errorf("message %q", msg)
				}
				if help := f.Help.In("en"); !strings.HasPrefix(help, "write an http") || !strings.Contains(help, addresses[key].example) ||
					!strings.Contains(help, "leave the setting out") {
					t.Errorf("help %q: want what to write, an example, and that it may be left out", help)
				}
			})
		}
		t.Run(key+" good", func(t *testing.T) {
			c, fs, err := Load(writeConfig(t, section+":\n  "+name+": "+quoted(goodAddress[key])+"\n"))
			if err != nil || len(fs) != 0 {
				t.Fatalf("Load: %v %v", err, fs)
			}
			if got := addressOf[key](c); got != goodAddress[key] {
				t.Errorf("%s = %q, want %q", key, got, goodAddress[key])
			}
		})
	}
}

// TestBadAddressInTheEnvironmentIsOneFindingAndNotSet: the same for a
// REGISTER_ variable: one error naming the variable, and the variable is
// not set: register.yaml's value stands, else the default. A good one
// overrides the file.
func TestBadAddressInTheEnvironmentIsOneFindingAndNotSet(t *testing.T) {
	def := Default()
	keys, bad := addressCases()
	for _, key := range keys {
		section, name, _ := strings.Cut(key, ".")
		env := EnvName(key)
		for _, v := range bad[key] {
			for _, inFile := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s=%s file:%v", env, v, inFile), func(t *testing.T) {
					text, want := "organisation: Dorp\n", addressOf[key](def)
					if inFile {
						text += section + ":\n  " + name + ": " + quoted(goodAddress[key]) + "\n"
						want = goodAddress[key]
					}
					dir := writeConfig(t, text)
					t.Setenv(env, v)
					c, fs, err := Load(dir)
					if err != nil {
						t.Fatal(err)
					}
					if got := addressOf[key](c); got != want {
						t.Errorf("%s = %q, want %q", key, got, want)
					}
					if len(fs) != 1 {
						t.Fatalf("%d findings, want one: %v", len(fs), fs)
					}
					f := fs[0]
					if f.File != env || f.Line != 0 || f.Position() != env || f.Severity != finding.Error {
						t.Errorf("finding at %q line %d, want %s", f.Position(), f.Line, env)
					}
					if msg := f.Message.In("en"); !strings.HasPrefix(msg, env+": "+quoted(v)+" is not an http") {
						t.Errorf("message %q", msg)
					}
					if help := f.Help.In("en"); !strings.HasPrefix(help, "set the environment variable "+env+" to an http") ||
						!strings.Contains(help, addresses[key].example) || !strings.Contains(help, "unset it") {
						t.Errorf("help %q", help)
					}
				})
			}
		}
		t.Run(env+" good", func(t *testing.T) {
			dir := writeConfig(t, section+":\n  "+name+": "+quoted(goodAddress[key])+"\n")
			good := strings.Replace(goodAddress[key], "://", "://www.", 1)
			t.Setenv(env, good)
			c, fs, err := Load(dir)
			if err != nil || len(fs) != 0 {
				t.Fatalf("Load: %v %v", err, fs)
			}
			if got := addressOf[key](c); got != good {
				t.Errorf("%s = %q, want the environment's %q", key, got, good)
			}
		})
	}
}

// TestEveryAddressSettingIsChecked: every setting that holds a web address
// is read through addresses, so a new one cannot be left unchecked.
func TestEveryAddressSettingIsChecked(t *testing.T) {
	for key := range defaults {
		if strings.HasSuffix(key, "_url") || strings.HasSuffix(key, "_uri") || strings.HasSuffix(key, "licence") {
			if _, ok := addresses[key]; !ok {
				t.Errorf("%s holds a web address but is not in addresses", key)
			}
		}
	}
	for key, a := range addresses {
		if _, ok := defaults[key]; !ok {
			t.Errorf("addresses has %s, which is no setting", key)
		}
		if _, ok := addressOf[key]; !ok {
			t.Errorf("the tests do not read %s back", key)
		}
		if !a.takes(a.example) {
			t.Errorf("%s: its example %q does not pass its own check", key, a.example)
		}
	}
}

// TestYesNoSettingsFailClosed: a yes/no setting that is not true or false,
// in the file (a text "true") or in the environment, is one error and is
// not set: commit subjects stay off the site.
func TestYesNoSettingsFailClosed(t *testing.T) {
	tests := []struct {
		name, file, env, value string
		want                   bool
		where                  string // "": no finding
	}{
		{"file text", "site:\n  show_commit_subjects: \"true\"\n", "", "", false, "register.yaml:2:25"},
		{"file yes", "site:\n  show_commit_subjects: yes\n", "", "", false, "register.yaml:2:25"},
		{"file true", "site:\n  show_commit_subjects: true\n", "", "", true, ""},
		{"env garbage", "", "REGISTER_SITE_SHOW_COMMIT_SUBJECTS", "sure", false, "REGISTER_SITE_SHOW_COMMIT_SUBJECTS"},
		{"env garbage over the file's", "site:\n  show_commit_subjects: true\n", "REGISTER_SITE_SHOW_COMMIT_SUBJECTS", "sure", true, "REGISTER_SITE_SHOW_COMMIT_SUBJECTS"},
		{"env true", "", "REGISTER_SITE_SHOW_COMMIT_SUBJECTS", "true", true, ""},
		{"env 0 over the file's", "site:\n  show_commit_subjects: true\n", "REGISTER_SITE_SHOW_COMMIT_SUBJECTS", "0", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "organisation: Dorp\n"
			}
			dir := writeConfig(t, file)
			if tt.env != "" {
				t.Setenv(tt.env, tt.value)
			}
			c, fs, err := Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			if c.Site.ShowCommitSubjects != tt.want {
				t.Errorf("ShowCommitSubjects = %v, want %v", c.Site.ShowCommitSubjects, tt.want)
			}
			switch {
			case tt.where == "" && len(fs) != 0:
				t.Errorf("findings %v", fs)
			case tt.where != "" && (len(fs) != 1 || fs[0].Position() != tt.where || !strings.Contains(fs[0].Message.In("en"), "is not true or false")):
				t.Errorf("findings %v, want one at %s", fs, tt.where)
			}
		})
	}
}

// TestContactEmailFromTheEnvironmentIsChecked: site.contact_email from
// the environment has the check of every mailbox.
func TestContactEmailFromTheEnvironmentIsChecked(t *testing.T) {
	t.Setenv("REGISTER_SITE_CONTACT_EMAIL", "a@x.example?bcc=b@y.example")
	c, fs, err := Load(writeConfig(t, "site:\n  contact_email: privacy@dorp.example\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Site.ContactEmail != "privacy@dorp.example" {
		t.Errorf("contact_email %q, want the file's", c.Site.ContactEmail)
	}
	if len(fs) != 1 || fs[0].Position() != "REGISTER_SITE_CONTACT_EMAIL" || !strings.Contains(fs[0].Message.In("en"), "not one plain e-mail address") {
		t.Errorf("findings %v", fs)
	}
}

// TestTooLargeDurations: a duration of the right form whose number is past
// what is taken is said to be too large, with the largest taken (period
// words it), not that it is no ISO 8601 duration; one of another form
// still is not one. From the file and from the environment alike.
func TestTooLargeDurations(t *testing.T) {
	tests := []struct {
		value     string
		tooLarge  bool
		malformed bool
	}{
		{"P99999999999Y", true, false},
		{"P100001Y", true, false},
		{"P1Y100001D", true, false},
		{"PT100001H", true, false},
		{"P1DT99999999999999999999S", true, false},
		{"P100000Y", false, false},
		{"PT100000H", false, false},
		{"P1Q", false, true},
		{"P1.5Y", false, true},
	}
	check := func(t *testing.T, fs []finding.Finding, where string, tooLarge, malformed bool) {
		t.Helper()
		if !tooLarge && !malformed {
			if len(fs) != 0 {
				t.Errorf("findings %v", fs)
			}
			return
		}
		if len(fs) != 1 || fs[0].Position() != where {
			t.Fatalf("findings %v, want one at %s", fs, where)
		}
		en, nl := fs[0].Message.In("en"), fs[0].Message.In("nl")
		said := strings.Contains(en, "too") && strings.Contains(en, "P100000Y") && strings.Contains(en, "PT100000H") &&
			!strings.Contains(en, "is not an ISO 8601 duration") && strings.Contains(nl, "te ")
		if tooLarge && !said {
			t.Errorf("%q / %q: want that it is too large and the largest accepted", en, nl)
		}
		if malformed && !strings.Contains(en, "is not an ISO 8601 duration") {
			t.Errorf("%q: want that it is no ISO 8601 duration", en)
		}
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			_, fs, err := Load(writeConfig(t, "due_within: "+tt.value+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			check(t, fs, FileName+":1:13", tt.tooLarge, tt.malformed)
		})
		t.Run(tt.value+" from the environment", func(t *testing.T) {
			t.Setenv("REGISTER_DUE_WITHIN", tt.value)
			_, fs, err := Load(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			check(t, fs, "REGISTER_DUE_WITHIN", tt.tooLarge, tt.malformed)
		})
	}
}

// A yes/no, address or e-mail setting that is a list or an object is
// named for what it is, not by how Go prints it ("[true]", "map[a:b]"),
// and is not set.
func TestACheckedSettingThatIsNoTextIsNamedForWhatItIs(t *testing.T) {
	for _, tt := range []struct{ yaml, message string }{
		{"site: {show_commit_authors: [true]}\n", "site.show_commit_authors is a list, not true or false"},
		{"site: {show_commit_subjects: {a: b}}\n", "site.show_commit_subjects is an object, not true or false"},
		{"site: {base_url: [https://register.dorp.example/]}\n", "site.base_url is a list, not an http or https address without ? or #"},
		{"notice: {new_file_url: {a: b}}\n", "notice.new_file_url is an object, not an https address of the forge's new-file page, with {file} and {content}"},
		{"site: {contact_email: {a: b@dorp.example}}\n", "site.contact_email is an object, not one plain e-mail address, such as meldingen@voorbeeldstad.nl"},
	} {
		c, fs, err := Load(writeConfig(t, tt.yaml))
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != 1 || fs[0].Severity != finding.Error || fs[0].Message.In("en") != tt.message || !strings.Contains(fs[0].Help.In("en"), "until then the value is ignored") {
			t.Errorf("%q: findings %+v, want one error: %s", tt.yaml, fs, tt.message)
		}
		if c.Site != Default().Site || c.Notice != Default().Notice {
			t.Errorf("%q: set %+v %+v, want the defaults", tt.yaml, c.Site, c.Notice)
		}
	}
}
