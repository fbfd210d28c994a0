package testgen

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
)

// Municipality is one generated municipality of a federation.
type Municipality struct {
	Code     string // CBS code, "GM" and four digits
	Name     string
	Province string
	Records  int
}

// provinces are the twelve Dutch provinces, which a federation can be
// sharded by.
var provinces = []string{"Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
	"Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"}

// Smallest and largest register before scaling: Dutch municipalities range
// from about a thousand inhabitants to nearly a million, and their
// registers, from a few dozen records to some thousands.
const (
	smallestRegister = 30
	largestRegister  = 8000
)

// Federation returns count municipalities that share total records, their
// sizes spread evenly on a log scale between a few dozen and some thousands
// (then scaled to the total), in an order that does not follow size. The
// sizes add up to total exactly.
func Federation(count, total int) []Municipality {
	if count <= 0 {
		return nil
	}
	weights := make([]float64, count)
	sum := 0.0
	for i := range weights {
		// The golden ratio's fractional steps spread the sizes without
		// sorting them by code.
		u := math.Mod(float64(i)*0.6180339887498949, 1)
		weights[i] = math.Exp(math.Log(smallestRegister) + u*(math.Log(largestRegister)-math.Log(smallestRegister)))
		sum += weights[i]
	}
	out := make([]Municipality, count)
	given, largest := 0, 0
	for i := range out {
		n := max(int(math.Round(weights[i]*float64(max(total, 0))/sum)), 0)
		out[i] = Municipality{Code: fmt.Sprintf("GM%04d", i+1), Name: fmt.Sprintf("Gemeente Proef %03d", i+1),
			Province: provinces[i%len(provinces)], Records: n}
		given += n
		if n > out[largest].Records {
			largest = i
		}
	}
	out[largest].Records = max(out[largest].Records+total-given, 0)
	return out
}

// WriteFederation writes each municipality's register under dir/<code>/
// (seeded by its number, with its own register.yaml) and a federation.yaml
// that lists them. dir must be new or empty.
func WriteFederation(dir string, ms []Municipality, seed int64) error {
	if err := ensureEmpty(dir); err != nil {
		return err
	}
	var list strings.Builder
	list.WriteString("# Gegenereerde federatie voor benchmarks en tests (internal/testgen).\n")
	list.WriteString("title: Landelijk overzicht (proef)\norganisation: Proefvereniging van gemeenten\nbase_url: https://landelijk.example/\nregisters:\n")
	for i, m := range ms {
		// Each municipality has its own name and (reserved) domain, so its
		// records are not taken for another's copied example.
		slug := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(m.Name, "Gemeente "), " ", "-"))
		names := strings.NewReplacer("Gemeente Voorbeeldstad", m.Name, "voorbeeldstad.example", slug+".example")
		edit := func(b []byte) []byte { return []byte(names.Replace(string(b))) }
		if err := write(filepath.Join(dir, m.Code), m.Records, seed+int64(i), edit(ConfigYAML()), edit); err != nil {
			return err
		}
		fmt.Fprintf(&list, "  - {organisation: %s, code: %s, province: %s, source: %s}\n", m.Name, m.Code, m.Province, m.Code)
	}
	return writeFile(filepath.Join(dir, "federation.yaml"), []byte(list.String()))
}
