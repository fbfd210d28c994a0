package config

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/voorbeeldstad/register/internal/message"
	"github.com/voorbeeldstad/register/internal/source"
)

// address is the form of a setting that holds a web address. Every such
// setting is in addresses and read through builder.address, so each gets
// the same check wherever its value comes from, and a value that fails it
// never reaches a page, a feed or a calendar.
type address struct {
	// https says only https is taken; else http is too.
	https bool
	// needs are the placeholders the address must hold ({z} in a tile
	// template); may those it may hold. Both stand for text the site puts
	// in, so they are the only braces taken.
	needs, may []string
	// bare says the address takes no query or fragment: the site's pages
	// are put after it.
	bare bool
	// form words what the address must be, for "is not %s" and "write
	// %s" (in Dutch "geen %s" and "een %s").
	form *message.Text
	// example is one such address.
	example string
}

// The forms of the web addresses, each as the messages put it.
var (
	formWeb   = message.New("an http or https address", "http- of https-adres")
	formBase  = message.New("an http or https address without ? or #", "http- of https-adres zonder ? of #")
	formDesk  = message.New("an http or https address ({id} in it becomes the record's id)", "http- of https-adres ({id} erin wordt het id van de registratie)")
	formTiles = message.New("an https address with {z}, {x} and {y}", "https-adres met {z}, {x} en {y}")
	formForge = message.New("an https address of the forge's new-file page, with {file} and {content}",
		"https-adres van de pagina voor een nieuw bestand van de forge, met {file} en {content}")
)

// addresses are the settings that hold a web address, by key: none of
// them ever takes javascript:, data:, another scheme or a relative
// address. TestEveryAddressSettingIsChecked finds a new one left out.
var addresses = map[string]address{
	// The site's address, which every page's own is made from (the feed,
	// the catalogue, the calendar, the QR code of a sign).
	"site.base_url": {bare: true, form: formBase, example: "https://register.voorbeeldstad.nl/"},
	"site.report_error_url": {may: []string{"{id}"}, form: formDesk,
		example: "https://www.voorbeeldstad.nl/fout-melden?registratie={id}"},
	// The site allows images from the tile server's host and no other.
	"site.tiles_url": {https: true, needs: []string{"{z}", "{x}", "{y}"}, form: formTiles,
		example: "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"},
	// Linked data needs absolute http(s) URIs; the licences' own are http.
	"open_data.licence":       {form: formWeb, example: DefaultLicence},
	"open_data.publisher_uri": {form: formWeb, example: "https://identifier.overheid.nl/tooi/id/gemeente/gm0344"},
	"notice.new_file_url": {https: true, may: []string{"{file}", "{content}"}, form: formForge,
		example: "https://github.com/voorbeeldstad/register/new/main/register/sensors?filename={file}&value={content}"},
}

// takes reports whether s is an address of the form: an absolute http(s)
// (or https only) address with a host and no user, nothing a link or a
// calendar line could be broken out of, and the placeholders it needs.
func (a address) takes(s string) bool {
	bare := s
	for _, p := range append(a.needs, a.may...) {
		bare = strings.ReplaceAll(bare, p, "x")
	}
	for _, p := range a.needs {
		if !strings.Contains(s, p) {
			return false
		}
	}
	if strings.ContainsAny(bare, " <>\"{}|\\^`") || strings.ContainsFunc(bare, unicode.IsControl) {
		return false
	}
	u, err := url.Parse(bare)
	if err != nil || u.Opaque != "" || u.User != nil || u.Hostname() == "" {
		return false
	}
	if u.Scheme != "https" && (a.https || u.Scheme != "http") {
		return false
	}
	return !a.bare || u.RawQuery == "" && !u.ForceQuery && u.Fragment == "" && !strings.Contains(bare, "#")
}

// TakesAddress reports whether s is a value the address setting key
// (addresses) takes: for a file of settings of its own that has such a
// setting, as a federation has its site's address and publisher.
func TakesAddress(key, s string) bool {
	a, ok := addresses[key]
	return ok && a.takes(strings.TrimSpace(s))
}

// address reads the setting key of addresses: the first of the
// environment variable and register.yaml that gives one of its form,
// else the default.
func (b *builder) address(key string) string {
	a, ok := addresses[key]
	if !ok {
		panic("config: " + key + " is not in addresses")
	}
	v := b.checked(key, a.form, func(v any, _ bool) bool {
		s, ok := v.(string)
		return ok && a.takes(strings.TrimSpace(s))
	}, func(where, env, shown string) (msg, help message.Phrase) {
		msg = msgNotAddress.With(where, shown, a.form)
		if env != "" {
			return msg, msgSetAddress.With(env, a.form, a.example)
		}
		return msg, msgWriteAddress.With(a.form, a.example)
	})
	return strings.TrimSpace(text(v))
}

// flag reads a yes/no setting: true or false in register.yaml, as
// strconv.ParseBool reads it in the environment; anything else is
// reported and is not set.
func (b *builder) flag(key string) bool {
	v := b.checked(key, formFlag, func(v any, env bool) bool {
		if env {
			_, err := strconv.ParseBool(strings.TrimSpace(text(v)))
			return err == nil
		}
		_, ok := v.(bool)
		return ok
	}, func(where, env, shown string) (msg, help message.Phrase) {
		if env != "" {
			return msgNotFlag.With(where, shown), msgSetFlag.With(env)
		}
		return msgNotFlag.With(where, shown), msgWriteFlag.With()
	})
	if s, ok := v.(string); ok {
		t, _ := strconv.ParseBool(strings.TrimSpace(s))
		return t
	}
	t, _ := v.(bool)
	return t
}

// email reads a setting that holds one mailbox (mailbox).
func (b *builder) email(key string) string {
	v := b.checked(key, formEmail, func(v any, _ bool) bool {
		s, ok := v.(string)
		return ok && mailbox(strings.TrimSpace(s))
	}, func(where, env, shown string) (msg, help message.Phrase) {
		if env != "" {
			return msgNotEmail.With(where, shown), msgFixVariableIgnored.With(env)
		}
		return msgNotEmail.With(where, shown), msgFixIgnored.With()
	})
	return strings.TrimSpace(text(v))
}

// checked reads key from where it is set, the environment variable first,
// register.yaml next: a value that ok does not take there is reported
// where it was set (problem words it) and is treated as not set, so the
// next place's value stands, else the default. Text that is empty or only
// spaces sets nothing. ok is told whether the value came from the
// environment, where every value is text. A value of the file that is no
// text (a list, an object) is named for what it is, not form (msgNotText).
func (b *builder) checked(key string, form message.Lingual, ok func(v any, env bool) bool, problem func(where, env, shown string) (msg, help message.Phrase)) any {
	if b.v.env != nil {
		name := EnvName(key)
		if v, set := b.v.env(name); set && strings.TrimSpace(v) != "" {
			if ok(v, true) {
				return v
			}
			msg, help := problem(name, name, v)
			b.report(key, name, msg, help)
		}
	}
	if v, set := b.v.inFile(key); set {
		if s, isText := v.(string); isText && strings.TrimSpace(s) == "" {
			return defaults[key]
		}
		if ok(v, false) {
			return v
		}
		shown := text(v)
		if shown == "" {
			shown = fmt.Sprint(v)
		}
		msg, help := problem(key, "", shown)
		if what := textOf(v).What; !what.IsZero() {
			msg = msgNotText.With(key, what, form)
		}
		b.report(key, "", msg, help)
	}
	return defaults[key]
}

// report adds the finding about key's value: named by the environment
// variable env that set it, else at the value in register.yaml.
func (b *builder) report(key, env string, msg, help message.Phrase) {
	f := findingOf(b.file, msg, help)
	if env != "" {
		f.File = env
		b.fs = append(b.fs, f)
		return
	}
	f.Line, f.Column = b.locate(key)
	if b.file == "" {
		f.File = FileName
	}
	b.fs = append(b.fs, f)
}

// locate returns the line and column of key's value in register.yaml,
// found as the settings read it (at); where the file does not set it, the
// nearest mapping that holds it, and 0, 0 without a file.
func (b *builder) locate(key string) (line, col int) {
	if b.doc == nil {
		return 0, 0
	}
	path := strings.Split(key, ".")
	if n := at(b.doc.Root, path); n != nil {
		return n.Line, n.Column
	}
	return b.doc.Locate(source.JoinPointer(path...), false)
}

// envOf names the environment variable that set key, as it is written:
// the variable of the mapping that holds it, or its own in any case, as
// evaluation found (setBy); else the key's own (envSource). "" when none
// did.
func (b *builder) envOf(key string) string {
	if name, ok := b.setBy[key]; ok {
		return name
	}
	return b.v.envSource(key)
}
