package principle

import (
	"slices"
	"strings"

	"github.com/voorbeeldstad/register/internal/record"
)

// What a sensor processes decides its duties, not the label it carries: a
// counter relabelled crowd_counter that lists MAC addresses among its
// personal data, or hashes identifiers with a rotating salt, still picks up
// phones. personalSigns is the one table of what a sensor record says it
// processes that makes it personal data (GDPR art. 4(1); law.md: licence
// plates, hashed MAC addresses and location traces are personal data) and
// which of the DPIA's legal grounds it falls under. Words are matched at
// the start of a word of personal_data.categories, in lower case; measures
// are minimisation measures that only exist for identifiers.
var personalSigns = []personalSign{
	{ // device identifiers
		words: []string{"mac-adres", "mac adres", "macadres", "mac-address", "mac address", "wifi", "wi-fi",
			"bluetooth", "imsi", "imei", "device identifier", "device id", "apparaat-id", "apparaatkenmerk", "apparaat-kenmerk"},
		measures: []string{"hashing_rotating_salt", "truncation"},
		ground:   groundTracking,
	},
	{ // location traces
		words:  []string{"locatiespoor", "locatiesporen", "locatiegegevens", "location trace", "location data", "gps"},
		ground: groundTracking,
	},
	{ // licence plates
		words:  []string{"kenteken", "nummerplaat", "licence plate", "license plate", "number plate"},
		ground: groundPlates,
	},
	{ // faces
		words:  []string{"gezicht", "gelaat", "face", "facial"},
		ground: groundMonitoring,
	},
}

// deviceSign is the row of personalSigns for identifiers of phones.
var deviceSign = personalSigns[0]

// personalSign is one row of personalSigns.
type personalSign struct {
	words    []string // word starts in personal_data.categories
	measures []string // minimisation measures that only exist for these identifiers
	ground   dpiaGround
}

// dpiaGround is which of dpiaMandatory's grounds a sign falls under.
type dpiaGround int

const (
	groundMonitoring dpiaGround = iota // systematic monitoring of a public area (art. 35(3)(c))
	groundTracking                     // tracking devices or people: location data (the Dutch DPA's list)
	groundPlates                       // recognising licence plates
)

// signOf returns the first row of personalSigns a sensor record matches,
// and why. Algorithms are left out: a permit database that holds licence
// plates does not watch public space.
func signOf(r *record.Record) (personalSign, string, bool) {
	for _, s := range personalSigns {
		if why, ok := s.in(r); ok {
			return s, why, true
		}
	}
	return personalSign{}, "", false
}

// in reports whether a sensor record says it processes what the sign
// names, and why: the word of its personal data categories, or the
// minimisation measure, that matched, with the field that holds it.
func (s personalSign) in(r *record.Record) (string, bool) {
	if r.Kind != record.Sensor {
		return "", false
	}
	for _, c := range r.PersonalData.Categories {
		if w, ok := wordIn(strings.ToLower(c), s.words); ok {
			return `"` + w + `" in personal_data.categories`, true
		}
	}
	if r.Minimisation != nil {
		if i := slices.IndexFunc(r.Minimisation.Measures, func(m string) bool { return slices.Contains(s.measures, m) }); i >= 0 {
			return "minimisation.measures " + r.Minimisation.Measures[i], true
		}
	}
	return "", false
}

// wordIn returns the first of words that starts a word of s: "wifi" in
// "wifi-adres", not "face" in "surface".
func wordIn(s string, words []string) (string, bool) {
	for _, w := range words {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			i += from
			if i == 0 || !isLetter(s[i-1]) {
				return w, true
			}
			from = i + 1
		}
	}
	return "", false
}

// isLetter reports whether the byte is an ASCII letter or digit, or part of
// a multi-byte letter: what continues a word.
func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c >= 0x80
}

// personalWhyOf reports whether a sensor processes personal data whatever
// personal_data.processed says, and why: by its nature (its type,
// capabilities or camera regime, record.PersonalByNature), or by what it
// says it processes (personalSigns).
func personalWhyOf(r *record.Record) (string, bool) {
	if why, ok := r.PersonalByNature(); ok {
		return why, true
	}
	_, why, ok := signOf(r)
	return why, ok
}

// personal reports whether personal data must be assumed: when the record
// says yes or unknown (6.4), when the sensor processes it by its nature,
// and when it says it processes identifiers (personalSigns), whatever
// personal_data.processed says. Every rule of the checklist asks this
// rather than record.ProcessesPersonalData.
func personal(r *record.Record) bool {
	if r.ProcessesPersonalData() {
		return true
	}
	_, ok := personalWhyOf(r)
	return ok
}

// tracking reports whether a sensor tracks devices or people: its type,
// a tracking capability, or device identifiers or location traces among
// what it says it processes (the Dutch DPA's list: location data).
func tracking(r *record.Record) bool {
	if r.Kind != record.Sensor {
		return false
	}
	if r.SensorType == "wifi_bluetooth_counter" || r.Has("device_tracking") || r.Has("person_tracking") {
		return true
	}
	return hasSign(r, groundTracking)
}

// plates reports whether a sensor says it processes licence plates.
func plates(r *record.Record) bool { return hasSign(r, groundPlates) }

// hasSign reports whether a sensor record matches a row of personalSigns
// of the ground.
func hasSign(r *record.Record, g dpiaGround) bool {
	return slices.ContainsFunc(personalSigns, func(s personalSign) bool {
		_, ok := s.in(r)
		return ok && s.ground == g
	})
}

// deviceCounter reports whether a sensor picks up identifiers of phones:
// what device-minimisation concerns.
func deviceCounter(r *record.Record) bool {
	if r.Kind != record.Sensor {
		return false
	}
	if r.SensorType == "wifi_bluetooth_counter" || r.Has("device_tracking") {
		return true
	}
	_, ok := deviceSign.in(r)
	return ok
}
